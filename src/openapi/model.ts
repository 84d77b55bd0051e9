import type { OpenAPIV3_1 } from 'openapi-types';
import type { HttpMethod } from '../http';

/** A JSON Schema as OpenAPI 3.1 writes it (dereferenced). */
export type JsonSchema = OpenAPIV3_1.SchemaObject;

/** The normalised model both faces read: built once per spec, never walked per request. */
export interface SpecModel {
  id: string;
  file: string;
  /** SHA-1 of the spec file's text, when it was loaded from one: what a prepared world was built from. */
  contentHash?: string;
  title: string;
  version: string;
  document: OpenAPIV3_1.Document;
  operations: Operation[];
  resources: ResourceSpec[];
  securitySchemes: SecuritySchemeSpec[];
  errors: ErrorEnvelopes;
  /** What an unannotated operation answers by default. */
  responseMode: 'example' | 'generated';
  /** Number of entries under components/schemas. */
  schemaCount: number;
  /** Counts that must agree across operations (root `x-secmock.aggregates`). */
  aggregates: Aggregate[];
  /** The rate limit the vendor documents (root `x-secmock.rateLimit`), enforced with `--rate-limits`. */
  rateLimit?: RateLimit;
}

/**
 * At most `requests` requests in any `seconds` of the mock's clock, counted per credential across the whole
 * API: what a vendor documents as "60 requests per minute".
 */
export interface RateLimit {
  requests: number;
  seconds: number;
}

/** A place in an answer, through arrays (`[]`): `categoryCounts[].count`. */
export type AnswerPath = string[];

/** One operation's number in an aggregate: the value (or the sum of the values) at `at` in its answer. */
export interface AggregateTerm {
  operationId: string;
  at: AnswerPath;
}

/**
 * Counts that describe the same data and must agree: every part's sum equals the total, when each
 * operation is asked the same `body` (a threat dashboard's counts per severity add up to the events).
 */
export interface Aggregate {
  name: string;
  body?: unknown;
  total: AggregateTerm;
  parts: AggregateTerm[];
}

export interface Operation {
  specId: string;
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  /** JSON pointer of the operation object in the source document. */
  pointer: string;
  parameters: Parameter[];
  requestBody?: RequestBodySpec;
  responses: ResponseSpec[];
  /** Alternatives (OR) of requirements (AND); empty means no authentication. */
  security: SecurityRequirement[][];
  mock: OperationAnnotation;
  /** What the vendor accepts beyond the document (x-secmock.accepts); absent when it accepts what the document says. */
  accepts?: VendorAcceptance;
  notes: OperationNotes;
}

/**
 * The second level of truth: requests the vendor really accepts although its document forbids them, with
 * its own clients as the evidence. The mock accepts them (and reports the departure); the verifier never
 * counts accepting them as a failure.
 */
export interface VendorAcceptance {
  /** Where the evidence is: the vendor's dashboard, usage pages, SDK. */
  source?: string;
  /** Values the vendor spells its own way, mapped to the document's value the action then sees. */
  aliases: Array<{ at: SchemaPath; map: Record<string, unknown> }>;
  /** Other body shapes the vendor's clients send, and how each maps to the document's shape. */
  bodies: Array<{ schema: JsonSchema; as?: unknown }>;
  /** The request as the vendor accepts it: the document's parameters and body, relaxed. */
  parameters: Parameter[];
  requestBody?: RequestBodySpec;
}

/**
 * A place in a request: where (`body`, `query`...) and the steps into it; `[]` steps into every item of an
 * array, `*` into every value of a map (`body.projectMappings.*.statuses[]`).
 */
export interface SchemaPath {
  in: RequestLocation['in'];
  steps: string[];
}

export interface OperationNotes {
  deviations: string[];
  docGaps: string[];
  pathSource?: string;
  pathConfidence?: string;
  headingLost: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  examples: NamedExample[];
}

export interface RequestBodySpec {
  required: boolean;
  content: MediaTypeSpec[];
}

export interface MediaTypeSpec {
  contentType: string;
  schema?: JsonSchema;
  examples: NamedExample[];
}

export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
  /** Where the example sits in the source, for problems and reports. */
  pointer: string;
}

export interface ResponseSpec {
  /** '200', '404', 'default', '4XX'. */
  status: string;
  description: string;
  headers: HeaderSpec[];
  content: MediaTypeSpec[];
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  schema?: JsonSchema;
}

export interface SecurityRequirement {
  scheme: string;
  scopes: string[];
}

export interface SecuritySchemeSpec {
  name: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** apiKey: header/query/cookie and the name; http: the scheme (bearer, basic). */
  in?: 'header' | 'query' | 'cookie';
  paramName?: string;
  httpScheme?: string;
  credentials: CredentialSpec[];
  issuedBy?: { operationId: string; field: string };
}

export interface CredentialSpec {
  value: string;
  scopes?: string[];
  label?: string;
}

// ---- x-secmock -----------------------------------------------------------------------------------

export const ERROR_KINDS = [
  'validation',
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'precondition',
  'tooLarge',
  'rateLimited',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorTemplate {
  status: number;
  body: unknown;
}
export type ErrorEnvelopes = Record<ErrorKind, ErrorTemplate>;

export type IdStrategy =
  | { kind: 'uuid' }
  | { kind: 'sequence'; start: number; step: number }
  | { kind: 'pattern'; pattern: string; start: number }
  | { kind: 'client' };

export type ClockFormat = 'epoch-s' | 'epoch-ms' | 'iso' | 'sql';

export interface ResourceSpec {
  name: string;
  specId: string;
  key?: string;
  id: IdStrategy;
  singleton: boolean;
  schema?: JsonSchema;
  created?: string;
  updated?: string;
  clock: ClockFormat;
  /** Other fields holding instants in the clock's format (an event's `timestamp`). */
  times: string[];
  /** Fields the server computes (a group's member count): what a client sends there is not stored. */
  computed: string[];
  secrets: string[];
  defaults: Record<string, unknown>;
}

export const ACTIONS = ['create', 'read', 'list', 'update', 'delete', 'upsert', 'exists'] as const;
export type Action = (typeof ACTIONS)[number];

/** A place in the request: `body.incident_ids[]` -> { in: 'body', path: ['incident_ids'], many: true }. */
export interface RequestLocation {
  in: 'path' | 'query' | 'body' | 'headers';
  path: string[];
  many: boolean;
}

export interface ListFilter {
  param: RequestLocation;
  field: string;
  match: 'equals' | 'prefix' | 'contains' | 'in';
}

export interface PageSpec {
  offset?: RequestLocation;
  /** The offset of the first item: 0, or 1 where the vendor counts from 1 (ManageEngine's `from`). */
  base?: number;
  limit?: RequestLocation;
  defaultLimit?: number;
  maxLimit?: number;
}

/** The order a list answers in, unless the request sends one of `unless` (its own order). */
export interface SortSpec {
  by: string;
  order: 'asc' | 'desc';
  unless?: RequestLocation[];
}

export interface OperationAnnotation {
  resource?: string;
  action?: Action;
  id?: RequestLocation;
  by?: string;
  /** A request location, or a template mapping request values to entity fields. */
  entity?: RequestLocation | { template: unknown };
  unset?: RequestLocation;
  filters: ListFilter[];
  page?: PageSpec;
  sort?: SortSpec;
  /** A time window a list answers within: items whose `field` lies between the values sent at `from`, `to`. */
  window?: { from: RequestLocation; to: RequestLocation; field: string };
  /** Request values the vendor keeps unique among stored entities (a name): the verifier makes them unique. */
  unique: RequestLocation[];
  requires: string[];
  /** A query sent as POST (or another method): it changes nothing, so --read-only may send it. */
  query?: boolean;
  /** Answers every key (a single-tenant lookup): there is no unknown key to refuse. */
  answersAnyId?: boolean;
  behaviour?: string;
  response?: unknown;
  status?: number;
  errors: Partial<ErrorEnvelopes>;
}
