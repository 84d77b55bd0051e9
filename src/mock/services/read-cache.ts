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
  /** What the request did that only the document forbids (the same request, the same departures). */
  departures: string[];
  spec?: string;
  operationId?: string;
  /** The admin scenario that forced it (never cached, but logged). */
  scenario?: string;
  /** The fault injected instead of an answer (never cached, but logged). */
  fault?: string;
}

export class ReadCache {
  private entries = new Map<string, CachedAnswer>();
  private revision = -1;
  /** Characters of answer text, bytes of their encoding, and keys (they carry request bodies) held. */
  private chars = 0;

  /**
   * At most `maxEntries` answers and `maxChars` characters of them: a list of big entities can be megabytes,
   * and two thousand of those would be gigabytes. An answer larger than a tenth of the budget is not kept.
   */
  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxChars = 16 * 1_048_576,
  ) {}

  /** Answers held; never more than maxEntries. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Whether any answer is kept for this store revision: when none is (a write came since), there is nothing
   * to look up, and a request need not build its key unless its own answer is to be kept. Forgets the
   * answers of an older revision, as `get` does.
   */
  holdsAnswersFor(revision: number): boolean {
    if (revision !== this.revision) {
      this.clear();
      this.revision = revision;
    }
    return this.entries.size > 0;
  }

  keyOf(request: PlainRequest): string | undefined {
    if (request.headers.prefer !== undefined || request.bodyProblem) return undefined;
    const names = Object.keys(request.query);
    const query =
      names.length === 0 ? '' : JSON.stringify(names.sort().map((name) => [name, request.query[name]]));
    return `${request.method} ${request.path}\u0000${query}\u0000${headersKey(request.headers)}\u0000${request.rawBody ?? ''}`;
  }

  get(key: string, revision: number): CachedAnswer | undefined {
    if (revision !== this.revision) {
      this.clear();
      this.revision = revision;
      return undefined;
    }
    return this.entries.get(key);
  }

  set(key: string, revision: number, answer: CachedAnswer): void {
    if (revision !== this.revision) {
      this.clear();
      this.revision = revision;
    }
    const { text, bytes } = answer.response;
    const chars = key.length + (text?.length ?? 0) + (bytes?.byteLength ?? 0);
    if (chars > this.maxChars / 10) return;
    if (this.entries.size >= this.maxEntries || this.chars + chars > this.maxChars) this.clear();
    this.entries.set(key, answer);
    this.chars += chars;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

/**
 * Headers that cannot change an answer (how the bytes travel, who the browser is). Every other header is part
 * of the key: credentials, content type, a required header parameter, anything a template reads as $headers.
 */
const TRANSPORT_HEADERS = new Set([
  'accept-encoding',
  'accept-language',
  'cache-control',
  'connection',
  'content-length',
  'host',
  'keep-alive',
  'origin',
  'pragma',
  'referer',
  'te',
  'user-agent',
]);

// Computed for every request (a write's included, before it is known to write): plain loops, no copies.
function headersKey(headers: Record<string, string>): string {
  const names: string[] = [];
  for (const name of Object.keys(headers))
    if (!TRANSPORT_HEADERS.has(name) && !name.startsWith('sec-')) names.push(name);
  names.sort();
  let key = '';
  for (const name of names) key += `${name}:${headers[name]}\u0001`;
  return key;
}

/** A copy the caller may decorate (headers) without touching the cached answer. */
export function copyAnswer(answer: CachedAnswer): PlainResponse {
  return { ...answer.response, headers: { ...answer.response.headers } };
}
