import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileFixed,
  type FixedValidator,
  standaloneSource,
  type SchemaError as ErrorObject,
  wrapPrecompiled,
} from '../schema';
import { operationAnnotationSchema, rootAnnotationSchema, schemeAnnotationSchema } from './annotation-schema';
import {
  type Action,
  type ClockFormat,
  ERROR_KINDS,
  type ErrorEnvelopes,
  type ErrorTemplate,
  type IdStrategy,
  type JsonSchema,
  type ListFilter,
  type OperationAnnotation,
  type RequestLocation,
  type ResourceSpec,
} from './model';

/** Where an annotation problem is: a JSON pointer relative to the annotation, and what is wrong. */
export interface AnnotationIssue {
  pointer: string;
  message: string;
}

/**
 * The x-secmock schemas' validators, compiled by `npm run build` next to this module (Ajv standalone code):
 * compiling them took a tenth of a start-up. From the sources (tests) they are compiled on first use. The
 * folder is named from its parent because the compiled code also runs bundled from dist/bundle/.
 */
const ANNOTATION_SCHEMAS = {
  root: rootAnnotationSchema,
  scheme: schemeAnnotationSchema,
  operation: operationAnnotationSchema,
} as const;
type AnnotationKind = keyof typeof ANNOTATION_SCHEMAS;
const generatedModule = (kind: AnnotationKind) => `annotation-${kind}.generated.js`;
const validators = new Map<AnnotationKind, FixedValidator>();

function validatorOf(kind: AnnotationKind): FixedValidator {
  let validator = validators.get(kind);
  if (!validator) {
    const generated = join(__dirname, '..', 'openapi', generatedModule(kind));
    validator = existsSync(generated)
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        wrapPrecompiled(require(generated) as Parameters<typeof wrapPrecompiled>[0])
      : compileFixed(ANNOTATION_SCHEMAS[kind]);
    validators.set(kind, validator);
  }
  return validator;
}

/** The module files and texts `npm run build` writes to dist/openapi/. */
export function annotationValidatorSources(): Array<{ file: string; source: string }> {
  return (Object.keys(ANNOTATION_SCHEMAS) as AnnotationKind[]).map((kind) => ({
    file: generatedModule(kind),
    source: standaloneSource(ANNOTATION_SCHEMAS[kind]),
  }));
}

function check(kind: AnnotationKind, value: unknown): AnnotationIssue[] {
  return validatorOf(kind)(value)
    .filter((e: ErrorObject) => e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e: ErrorObject) => ({ pointer: e.instancePath, message: `x-secmock: ${describe(e)}` }));
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'additionalProperties') return `unknown field '${String(params.additionalProperty)}'`;
  return error.message ?? error.keyword;
}

export const checkRootAnnotation = (value: unknown) => check('root', value);
export const checkSchemeAnnotation = (value: unknown) => check('scheme', value);
export const checkOperationAnnotation = (value: unknown) => check('operation', value);

/** `body.incident_ids[]` -> { in: 'body', path: ['incident_ids'], many: true } */
export function parseLocation(text: string): RequestLocation {
  const many = text.endsWith('[]');
  const [where, ...path] = (many ? text.slice(0, -2) : text).split('.');
  return { in: where as RequestLocation['in'], path, many };
}

export function formatLocation(location: RequestLocation): string {
  return [location.in, ...location.path].join('.') + (location.many ? '[]' : '');
}

/** Fills the error kinds a spec may leave out from the ones it must give. */
export function buildErrorEnvelopes(raw: Record<string, ErrorTemplate>): ErrorEnvelopes {
  const validation = raw.validation;
  const unauthorized = raw.unauthorized;
  const fallback: ErrorEnvelopes = {
    validation,
    unauthorized,
    forbidden: unauthorized,
    notFound: validation,
    conflict: validation,
    precondition: validation,
    tooLarge: { status: 413, body: validation.body },
    rateLimited: { status: 429, body: validation.body },
    internal: { status: 500, body: validation.body },
  };
  for (const kind of ERROR_KINDS) if (raw[kind]) fallback[kind] = raw[kind];
  return fallback;
}

interface RawResource {
  key?: string;
  id?:
    | 'uuid'
    | 'client'
    | { sequence: { start?: number; step?: number } }
    | { pattern: string; start?: number };
  singleton?: boolean;
  schema?: JsonSchema;
  created?: string;
  updated?: string;
  clock?: ClockFormat;
  secrets?: string[];
  times?: string[];
  computed?: string[];
  defaults?: Record<string, unknown>;
}

function buildIdStrategy(raw: RawResource['id'], singleton: boolean): IdStrategy {
  if (raw === 'client') return { kind: 'client' };
  if (raw === undefined || raw === 'uuid') return singleton ? { kind: 'client' } : { kind: 'uuid' };
  if ('sequence' in raw)
    return { kind: 'sequence', start: raw.sequence.start ?? 1, step: raw.sequence.step ?? 1 };
  return { kind: 'pattern', pattern: raw.pattern, start: raw.start ?? 1 };
}

export function buildResource(specId: string, name: string, raw: RawResource): ResourceSpec {
  const singleton = raw.singleton ?? false;
  return {
    name,
    specId,
    key: raw.key,
    id: buildIdStrategy(raw.id, singleton),
    singleton,
    schema: raw.schema,
    created: raw.created,
    updated: raw.updated,
    clock: raw.clock ?? 'epoch-s',
    times: raw.times ?? [],
    computed: raw.computed ?? [],
    secrets: raw.secrets ?? [],
    defaults: raw.defaults ?? {},
  };
}

interface RawOperationAnnotation {
  resource?: string;
  action?: Action;
  id?: string;
  by?: string;
  entity?: string | Record<string, unknown>;
  unset?: string;
  filters?: Record<string, { field: string; match?: ListFilter['match'] }>;
  page?: { offset?: string; limit?: string; default?: number; max?: number; base?: number };
  sort?: { by: string; order?: 'asc' | 'desc'; unless?: string[] };
  window?: { from: string; to: string; field: string };
  unique?: string[];
  requires?: string[];
  query?: boolean;
  answersAnyId?: boolean;
  behaviour?: string;
  response?: unknown;
  status?: number;
  errors?: Partial<ErrorEnvelopes>;
}

/** Assumes the raw annotation already passed checkOperationAnnotation. */
export function buildOperationAnnotation(raw: RawOperationAnnotation | undefined): OperationAnnotation {
  const r = raw ?? {};
  return {
    resource: r.resource,
    action: r.action,
    id: r.id === undefined ? undefined : parseLocation(r.id),
    by: r.by,
    entity:
      r.entity === undefined
        ? undefined
        : typeof r.entity === 'string'
          ? parseLocation(r.entity)
          : { template: r.entity },
    unset: r.unset === undefined ? undefined : parseLocation(r.unset),
    filters: Object.entries(r.filters ?? {}).map(([param, f]) => ({
      param: parseLocation(param),
      field: f.field,
      match: f.match ?? 'equals',
    })),
    page: r.page && {
      offset: r.page.offset === undefined ? undefined : parseLocation(r.page.offset),
      limit: r.page.limit === undefined ? undefined : parseLocation(r.page.limit),
      defaultLimit: r.page.default,
      maxLimit: r.page.max,
      base: r.page.base ?? 0,
    },
    sort: r.sort && {
      by: r.sort.by,
      order: r.sort.order ?? 'asc',
      unless: (r.sort.unless ?? []).map(parseLocation),
    },
    window: r.window && {
      from: parseLocation(r.window.from),
      to: parseLocation(r.window.to),
      field: r.window.field,
    },
    unique: (r.unique ?? []).map(parseLocation),
    requires: r.requires ?? [],
    ...(r.query === undefined ? {} : { query: r.query }),
    ...(r.answersAnyId === undefined ? {} : { answersAnyId: r.answersAnyId }),
    behaviour: r.behaviour,
    response: r.response,
    status: r.status,
    errors: r.errors ?? {},
  };
}
