import type { PlainRequest, PlainResponse } from '../../http';

/**
 * Answers to reads, kept while the store does not change. A request whose handling left the store as it
 * was (no create, no login, no clock move) is a pure function of the store and the request, so the same
 * request gets the same bytes until the next write — computed, self-checked and serialised once. Any write
 * bumps the store revision and empties the cache; scenarios and `Prefer` bypass it.
 */
export interface CachedAnswer {
  response: PlainResponse;
  responseViolations: string[];
  spec?: string;
  operationId?: string;
  /** The admin scenario that forced it (never cached, but logged). */
  scenario?: string;
}

export class ReadCache {
  private entries = new Map<string, CachedAnswer>();
  private revision = -1;

  constructor(
    /** Headers that carry credentials: the answer may depend on who asks. */
    private readonly credentialHeaders: readonly string[],
    private readonly maxEntries = 2_000,
  ) {}

  /** Answers held; never more than maxEntries. */
  get size(): number {
    return this.entries.size;
  }

  keyOf(request: PlainRequest): string | undefined {
    if (request.headers.prefer !== undefined || request.bodyProblem) return undefined;
    const credentials = this.credentialHeaders.map((name) => request.headers[name] ?? '').join('\u0001');
    const query = JSON.stringify(Object.entries(request.query).sort(([a], [b]) => a.localeCompare(b)));
    return `${request.method} ${request.path}\u0000${query}\u0000${request.headers['content-type'] ?? ''}\u0000${request.rawBody ?? ''}\u0000${credentials}`;
  }

  get(key: string, revision: number): CachedAnswer | undefined {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
      return undefined;
    }
    return this.entries.get(key);
  }

  set(key: string, revision: number, answer: CachedAnswer): void {
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, answer);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A copy the caller may decorate (headers) without touching the cached answer. */
export function copyAnswer(answer: CachedAnswer): PlainResponse {
  return { ...answer.response, headers: { ...answer.response.headers } };
}
