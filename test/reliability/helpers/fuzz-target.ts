import { CredentialBook, applyCredential } from '../../../src/contract/plan/credentials';
import { jsonMedia, validParts, withKey } from '../../../src/contract/plan/request-parts';
import { generateFromSchema } from '../../../src/generate/from-schema';
import { createFaker, hashSeed } from '../../../src/generate/seed';
import { DEFAULT_CLOCK_START } from '../../../src/mock/services/clock';
import type { MockEngine } from '../../../src/mock';
import type { Operation, SpecModel } from '../../../src/openapi/model';
import type { SchemaCompiler } from '../../../src/schema/compile';
import { sendRaw, type RawRequest } from './raw-http';

/**
 * A request in parts that a mutation can change before it is put on the wire. Path segments are kept
 * exactly as they will be sent (already encoded), so a fuzzer can send `..%2F..%2Fetc%2Fpasswd` as is.
 */
export interface FuzzRequest {
  method: string;
  /** Raw (encoded) path segment per path parameter. */
  path: Record<string, string>;
  /** Query pairs in order; a repeated name is a duplicated parameter. */
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** The body text as sent, or undefined for none. */
  body?: string;
  /** When set, replaces the whole path (routing mutations). */
  rawPath?: string;
}

export function toRaw(operation: Operation, request: FuzzRequest): RawRequest {
  const path =
    request.rawPath ?? operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => request.path[name] ?? '');
  const search = new URLSearchParams(request.query).toString();
  return {
    method: request.method.toUpperCase(),
    target: search ? `${path}?${search}` : path,
    headers: request.headers,
    body: request.body,
  };
}

/** A valid body for the operation: its first documented example, else a generated value the schema accepts. */
function validBody(operation: Operation, validators: SchemaCompiler, now: number): unknown {
  const media = jsonMedia(operation);
  if (!media) return undefined;
  if (media.examples.length > 0) return media.examples[0].value;
  if (!media.schema) return {};
  const faker = createFaker(hashSeed('fuzz-body', operation.operationId));
  const generated = generateFromSchema(media.schema, { faker, now, maxDepth: 3 });
  return validators.compile(media.schema, 'body')(generated).length === 0 ? generated : {};
}

/** A key that is stored, so that by-id operations reach the entity rather than stopping at "not found". */
export function storedKey(runtime: MockEngine, operation: Operation): unknown {
  const resource = operation.mock.resource ? runtime.resources.get(operation.mock.resource) : undefined;
  if (!resource || resource.spec.singleton || !operation.mock.id) return undefined;
  const field = operation.mock.by ?? resource.spec.key;
  const first = resource.collection.list()[0];
  return first && field ? first[field] : undefined;
}

export interface SessionOptions {
  /** The mock clock, for generated values (default: its documented start). */
  now?: () => number;
  /** A stored key for by-id operations, when one is known. */
  knownKey?: (operation: Operation) => unknown;
}

/**
 * Builds the valid request of every operation of a spec, with credentials that pass authentication,
 * so that mutations of it reach validation and the behaviours behind it.
 */
export class FuzzSession {
  readonly book: CredentialBook;

  constructor(
    readonly spec: SpecModel,
    readonly baseUrl: string,
    private readonly validators: SchemaCompiler,
    private readonly options: SessionOptions = {},
  ) {
    this.book = new CredentialBook([spec], {}, {});
  }

  baseRequest(operation: Operation): FuzzRequest {
    const now = this.options.now?.() ?? DEFAULT_CLOCK_START;
    const faker = createFaker(hashSeed('fuzz-params', operation.operationId));
    const body = operation.requestBody ? validBody(operation, this.validators, now) : undefined;
    const parts = withKey(
      operation,
      validParts(operation, faker, now, body),
      this.options.knownKey?.(operation),
    );
    // validParts leaves GET bodies out for fetch's sake; Node's client can send them, so keep them.
    if (parts.body === undefined && body !== undefined) {
      parts.body = body;
      parts.contentType = jsonMedia(operation)?.contentType;
    }
    const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(parts.query))
      for (const item of Array.isArray(value) ? value : [value])
        query.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    const request: FuzzRequest = {
      method: operation.method,
      path: Object.fromEntries(
        Object.entries(parts.path).map(([k, v]) => [k, encodeURIComponent(String(v))]),
      ),
      query: [...query.entries()],
      headers,
    };
    if (parts.body !== undefined) {
      request.body = JSON.stringify(parts.body);
      request.headers['content-type'] = parts.contentType ?? 'application/json';
    }
    return request;
  }

  /** The request on the wire, with the credentials (added last: mutations never touch them). */
  authorized(operation: Operation, request: FuzzRequest): RawRequest {
    const headers = { ...request.headers };
    const query = new URLSearchParams(request.query);
    for (const requirement of this.book.alternativeFor(operation) ?? []) {
      const scheme = this.book.schemes.get(requirement.scheme);
      const value = this.book.get(requirement.scheme);
      if (scheme && value !== undefined) applyCredential(scheme, value, headers, query);
    }
    return toRaw(operation, { ...request, headers, query: [...query.entries()] });
  }

  /** Logs in for every scheme whose credential a login operation mints (Lacework's JWT). */
  async login(): Promise<void> {
    for (const scheme of this.spec.securitySchemes) {
      if (!scheme.issuedBy) continue;
      const operation = this.spec.operations.find((op) => op.operationId === scheme.issuedBy?.operationId);
      if (!operation) throw new Error(`${this.spec.id}: no login operation for ${scheme.name}`);
      const response = await sendRaw(this.baseUrl, this.authorized(operation, this.baseRequest(operation)));
      const value = (response.json as Record<string, unknown> | undefined)?.[scheme.issuedBy.field];
      if (typeof value !== 'string')
        throw new Error(
          `${this.spec.id}: login for ${scheme.name} failed: ${response.status} ${response.text}`,
        );
      this.book.set(scheme.name, value);
    }
  }

  /** Whether the operation's credential is minted at run time (and may need a fresh login). */
  usesIssuedCredential(operation: Operation): boolean {
    return operation.security.flat().some((r) => this.book.schemes.get(r.scheme)?.issuedBy !== undefined);
  }
}
