import { isJsonMediaType, mediaTypeOf, type PlainRequest } from '../http';
import type { JsonSchema, MediaTypeSpec, Operation, Parameter, RequestBodySpec } from '../openapi';
import type { SchemaCompiler, SchemaValidator, Violation } from '../schema';
import { exactIntegerText, parseJsonExact } from './exact-numbers';
import { checkShape, DEFAULT_SHAPE_LIMITS, type ShapeLimits } from './shape-limits';

/** A request that passed validation, with parameters coerced to their schema types. */
export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  contentType?: string;
}

/**
 * A request the vendor accepts, with its parameters coerced to their types. `departures` are what the
 * document forbids in it although the vendor accepts it (the operation's `x-secmock.accepts`); `bodyShape`
 * is the index of the vendor's other body shape it was sent in, if any.
 */
export type RequestCheck =
  | { ok: true; request: ValidatedRequest; departures: Violation[]; bodyShape?: number }
  | { ok: false; violations: Violation[] };
export type RequestValidator = (request: PlainRequest, pathParams: Record<string, string>) => RequestCheck;

function parameterSchema(parameters: Parameter[], location: Parameter['in']): JsonSchema | undefined {
  const selected = parameters.filter((p) => p.in === location);
  if (selected.length === 0) return undefined;
  const name = (p: Parameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(selected.map((p) => [name(p), p.schema])),
    required: selected.filter((p) => p.required).map(name),
  } as JsonSchema;
}

export interface RequestCompilers {
  /** Reads parameters (text) as their declared types. */
  coercing: SchemaCompiler;
  strict: SchemaCompiler;
}

/**
 * Builds the validator of one operation once, at two levels: what the document allows and, where the
 * operation says the vendor accepts more, what the vendor accepts. A request the document allows costs one
 * check; one it forbids is checked against the vendor's rules too, and refused with the document's
 * violations (they name each field) only when the vendor would refuse it as well.
 */
export function compileRequestValidator(
  operation: Operation,
  compilers: RequestCompilers,
  limits: ShapeLimits = DEFAULT_SHAPE_LIMITS,
): RequestValidator {
  const document = compileLevel(operation.parameters, operation.requestBody, compilers, limits);
  const accepts = operation.accepts;
  const vendor = accepts && compileLevel(accepts.parameters, accepts.requestBody, compilers, limits);
  const shapes = (accepts?.bodies ?? []).map((b) => compilers.strict.compile(b.schema, 'body'));
  return (request, pathParams) => {
    const documented = document(request, pathParams);
    if (documented.violations.length === 0) return { ok: true, request: documented.request, departures: [] };
    const accepted = vendor?.(request, pathParams);
    if (!accepted || accepted.violations.length > 0) return { ok: false, violations: documented.violations };
    const body = accepted.request.body;
    const shape = shapes.findIndex((validate) => body !== undefined && validate(body).length === 0);
    return {
      ok: true,
      request: accepted.request,
      departures: documented.violations,
      ...(shape >= 0 ? { bodyShape: shape } : {}),
    };
  };
}

type Level = (
  request: PlainRequest,
  pathParams: Record<string, string>,
) => { violations: Violation[]; request: ValidatedRequest };

/** One level of rules: parameter schemas (coercing text), the accepted content types and the body schema. */
function compileLevel(
  parameters: Parameter[],
  body: RequestBodySpec | undefined,
  { coercing, strict }: RequestCompilers,
  limits: ShapeLimits,
): Level {
  const compileParams = (location: Parameter['in'], root: string): SchemaValidator | undefined => {
    const schema = parameterSchema(parameters, location);
    return schema && coercing.compile(schema, root);
  };
  const pathValidator = compileParams('path', 'path');
  const queryValidator = compileParams('query', 'query');
  const headerValidator = compileParams('header', 'header');
  const bodyValidators = new Map<string, SchemaValidator | undefined>(
    (body?.content ?? []).map((m: MediaTypeSpec) => [
      m.contentType.toLowerCase(),
      m.schema && strict.compile(m.schema, 'body'),
    ]),
  );
  const headerNames = parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
  const integerNames = parameters.filter((p) => isIntegerSchema(p.schema)).map((p) => p.name);
  return (request, pathParams) => {
    const violations: Violation[] = [];
    const path: Record<string, unknown> = readIntegers({ ...pathParams }, integerNames);
    const query: Record<string, unknown> = readIntegers({ ...request.query }, integerNames);
    const headers: Record<string, unknown> = Object.fromEntries(
      headerNames.filter((h) => request.headers[h] !== undefined).map((h) => [h, request.headers[h]]),
    );
    if (pathValidator) violations.push(...pathValidator(path));
    if (queryValidator) violations.push(...queryValidator(query));
    if (headerValidator) violations.push(...headerValidator(headers));
    const contentType = mediaTypeOf(request.headers['content-type']);
    const parsedBody = body
      ? readBody(request, contentType, body.required, bodyValidators, violations, limits)
      : undefined;
    return { violations, request: { path, query, headers: request.headers, body: parsedBody, contentType } };
  };
}

function isIntegerSchema(schema: JsonSchema | undefined): boolean {
  const type = (schema as { type?: unknown } | undefined)?.type;
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}

/** Integer parameters past 2^53 are read by their digits, as body numbers are (see exact-numbers). */
function readIntegers(values: Record<string, unknown>, names: string[]): Record<string, unknown> {
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') values[name] = exactIntegerText(value);
    else if (Array.isArray(value))
      values[name] = value.map((v: unknown) => (typeof v === 'string' ? exactIntegerText(v) : v));
  }
  return values;
}

function readBody(
  request: PlainRequest,
  contentType: string | undefined,
  required: boolean,
  validators: Map<string, SchemaValidator | undefined>,
  violations: Violation[],
  limits: ShapeLimits,
): unknown {
  const raw = request.rawBody;
  if (raw === undefined || raw.length === 0) {
    if (required) violations.push({ path: 'body', message: 'is required', keyword: 'required' });
    return undefined;
  }
  const accepted = [...validators.keys()];
  const mediaType = contentType ?? '';
  const match =
    accepted.find((a) => a === mediaType) ??
    accepted.find((a) => a === '*/*' || (a.endsWith('/*') && mediaType.startsWith(a.slice(0, -1))));
  if (!match) {
    violations.push({
      path: 'header.content-type',
      message: `'${contentType ?? 'none'}' is not accepted; send ${accepted.join(' or ')}`,
      keyword: 'contentType',
    });
    return undefined;
  }
  let value: unknown = raw;
  if (isJsonMediaType(match) || (match.includes('*') && isJsonMediaType(mediaType))) {
    try {
      value = parseJsonExact(raw);
    } catch (error) {
      violations.push({
        path: 'body',
        message: `is not valid JSON (${(error as Error).message})`,
        keyword: 'json',
      });
      return undefined;
    }
    const tooBig = checkShape(value, limits);
    if (tooBig.length > 0) {
      violations.push(...tooBig);
      return undefined;
    }
  }
  const validate = validators.get(match);
  if (validate) violations.push(...validate(value));
  return value;
}
