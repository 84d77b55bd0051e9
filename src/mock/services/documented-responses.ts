import { createFaker, generateFromSchema, hashSeed } from '../../generate';
import { findResponse, type MediaTypeSpec, type Operation, type SpecModel } from '../../openapi';
import { fail, type Outcome } from '../outcome';

export type DocumentedBody =
  | { ok: true; body: unknown; contentType?: string }
  | { ok: false; message: string };

export const CACHE_LIMIT = 5000;

export interface DocumentedOptions {
  example?: string;
  dynamic?: boolean;
  pathParams?: Record<string, unknown>;
}

/**
 * Answers from the spec alone: a documented example, or a value generated from the response schema.
 * Generated bodies are seeded by the operation, status and path parameters, so the same request gets the
 * same answer on every run; they are computed once and cached (no faker work per repeated request).
 */
export class DocumentedResponses {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  /** Generated bodies held; never more than CACHE_LIMIT (a long run of distinct requests stays flat). */
  get size(): number {
    return this.cache.size;
  }

  body(
    spec: SpecModel,
    operation: Operation,
    status: number,
    options: DocumentedOptions = {},
  ): DocumentedBody {
    const response = findResponse(operation, status);
    if (!response)
      return { ok: false, message: `status ${status} is not documented for ${operation.operationId}` };
    const media = pickMedia(response.content);
    if (!media) return { ok: true, body: undefined };
    if (options.example !== undefined) {
      const example = media.examples.find((e) => e.name === options.example);
      if (!example) {
        const known = media.examples.map((e) => e.name).join(', ') || 'none';
        return {
          ok: false,
          message: `no example '${options.example}' for status ${status} (known: ${known})`,
        };
      }
      return { ok: true, body: structuredClone(example.value), contentType: media.contentType };
    }
    if (!options.dynamic && spec.responseMode === 'example' && media.examples.length > 0) {
      return { ok: true, body: structuredClone(media.examples[0].value), contentType: media.contentType };
    }
    return {
      ok: true,
      body: this.generated(operation, status, media, options.pathParams ?? {}),
      contentType: media.contentType,
    };
  }

  /** The documented answer of a status as an outcome; a status or example the spec lacks is a refusal. */
  outcome(
    spec: SpecModel,
    operation: Operation,
    status: number | undefined,
    options: DocumentedOptions = {},
  ): Outcome {
    if (status === undefined)
      return fail('internal', `${operation.operationId} documents no success response`);
    const answer = this.body(spec, operation, status, options);
    return answer.ok ? { kind: 'ok', status, body: answer.body } : fail('validation', answer.message);
  }

  /** The body alone, or undefined when the spec has none for that status (scenarios). */
  bodyOrUndefined(spec: SpecModel, operation: Operation, status: number, options: DocumentedOptions = {}) {
    const answer = this.body(spec, operation, status, options);
    return answer.ok ? answer.body : undefined;
  }

  private generated(
    operation: Operation,
    status: number,
    media: MediaTypeSpec,
    pathParams: Record<string, unknown>,
  ): unknown {
    const key = `${operation.specId}|${operation.operationId}|${status}|${JSON.stringify(pathParams)}`;
    if (!this.cache.has(key)) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      const faker = createFaker(hashSeed(this.seed, key));
      const body = generateFromSchema(media.schema, { faker, now: this.now() });
      this.cache.set(key, echoPathParams(body, pathParams));
    }
    return structuredClone(this.cache.get(key));
  }
}

function pickMedia(content: MediaTypeSpec[]): MediaTypeSpec | undefined {
  return content.find((m) => m.contentType === 'application/json') ?? content[0];
}

/** A generated `GET /users/{uuid}` answers with that uuid: the body agrees with the request. */
function echoPathParams(body: unknown, pathParams: Record<string, unknown>): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(pathParams)) {
    if (name in record && typeof record[name] === typeof value) record[name] = value;
  }
  return record;
}
