/**
 * Hand-built model objects for unit tests: the shapes src/openapi/load.ts would produce from a spec file,
 * with sensible defaults so that each test states only what it is about. No spec file is read.
 */
import type { OpenAPIV3_1 } from 'openapi-types';
import type {
  ErrorEnvelopes,
  ErrorKind,
  HeaderSpec,
  JsonSchema,
  MediaTypeSpec,
  Operation,
  OperationAnnotation,
  RequestLocation,
  ResourceSpec,
  ResponseSpec,
  SecuritySchemeSpec,
  SpecModel,
} from '../../../src/openapi/model';

/** One status per kind, so that a test can tell which envelope a refusal used. */
export const ERROR_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  precondition: 412,
  tooLarge: 413,
  rateLimited: 429,
  internal: 500,
};

/** Envelopes that name their kind and carry both the joined message and the list of messages. */
export function makeErrors(specId = 'tiny'): ErrorEnvelopes {
  const entries = Object.entries(ERROR_STATUS).map(([kind, status]) => [
    kind,
    { status, body: { spec: specId, kind, error: { message: '$message', details: '$messages' } } },
  ]);
  return Object.fromEntries(entries) as ErrorEnvelopes;
}

export interface ResponseOptions {
  schema?: JsonSchema;
  /** Named examples, in order. */
  examples?: Record<string, unknown>;
  headers?: HeaderSpec[];
  /** The media type; null for a response without content (a 204). */
  contentType?: string | null;
  /** Further media types after the first. */
  alsoContent?: MediaTypeSpec[];
}

export function makeMedia(contentType: string, schema?: JsonSchema, examples: Record<string, unknown> = {}) {
  return {
    contentType,
    schema,
    examples: Object.entries(examples).map(([name, value]) => ({
      name,
      value,
      pointer: `/examples/${name}`,
    })),
  } satisfies MediaTypeSpec;
}

export function makeResponse(status: string, options: ResponseOptions = {}): ResponseSpec {
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  const content =
    contentType === null
      ? []
      : [makeMedia(contentType, options.schema ?? { type: 'object' }, options.examples)];
  return {
    status,
    description: `status ${status}`,
    headers: options.headers ?? [],
    content: [...content, ...(options.alsoContent ?? [])],
  };
}

export type OperationOverrides = Partial<Omit<Operation, 'mock'>> & { mock?: Partial<OperationAnnotation> };

export function makeOperation(overrides: OperationOverrides = {}): Operation {
  const { mock, ...rest } = overrides;
  const method = rest.method ?? 'get';
  const path = rest.path ?? '/things';
  return {
    specId: 'tiny',
    operationId: `${method}${path.replace(/[^A-Za-z]/g, '_')}`,
    method,
    path,
    summary: '',
    tags: [],
    pointer: `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
    parameters: [],
    responses: [makeResponse('200')],
    security: [],
    notes: { deviations: [], docGaps: [], headingLost: false },
    ...rest,
    mock: { filters: [], requires: [], unique: [], errors: {}, ...mock },
  };
}

export type SpecOverrides = Partial<Omit<SpecModel, 'errors'>> & { errors?: Partial<ErrorEnvelopes> };

export function makeSpec(overrides: SpecOverrides = {}): SpecModel {
  const id = overrides.id ?? 'tiny';
  const { errors, ...rest } = overrides;
  const document = {
    openapi: '3.1.0',
    info: { title: id, version: '1.0' },
    paths: {},
  } as OpenAPIV3_1.Document;
  return {
    id,
    file: `/nonexistent/specs/${id}.yaml`,
    title: id,
    version: '1.0',
    document,
    operations: [],
    resources: [],
    securitySchemes: [],
    aggregates: [],
    responseMode: 'example',
    schemaCount: 0,
    ...rest,
    errors: { ...makeErrors(id), ...errors },
  };
}

export function makeResource(overrides: Partial<ResourceSpec> = {}): ResourceSpec {
  return {
    name: 'notes',
    specId: 'tiny',
    key: 'id',
    id: { kind: 'uuid' },
    singleton: false,
    clock: 'iso',
    times: [],
    computed: [],
    secrets: [],
    defaults: {},
    ...overrides,
  };
}

export function apiKeyScheme(
  name: string,
  where: 'header' | 'query' | 'cookie',
  paramName: string,
  values: Array<string | { value: string; scopes?: string[] }> = [],
): SecuritySchemeSpec {
  return {
    name,
    type: 'apiKey',
    in: where,
    paramName,
    credentials: values.map((v) => (typeof v === 'string' ? { value: v } : v)),
  };
}

export function bearerScheme(
  name: string,
  values: Array<string | { value: string; scopes?: string[] }> = [],
): SecuritySchemeSpec {
  return {
    name,
    type: 'http',
    httpScheme: 'bearer',
    credentials: values.map((v) => (typeof v === 'string' ? { value: v } : v)),
  };
}

/** `body.ids[]` -> { in: 'body', path: ['ids'], many: true }, written out so that no parser is under test. */
export function at(text: string): RequestLocation {
  const many = text.endsWith('[]');
  const [where, ...path] = (many ? text.slice(0, -2) : text).split('.');
  return { in: where as RequestLocation['in'], path, many };
}
