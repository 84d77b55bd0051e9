import { DEFAULT_LIMITS } from '../../../src/mock';
import type { JsonSchema, Operation, Parameter } from '../../../src/openapi/model';
import { isJsonMediaType, mediaTypeOf } from '../../../src/http/media-types';
import type { SchemaCompiler } from '../../../src/schema/compile';
import { checkShape } from '../../../src/validate/shape-limits';
import { exactIntegerText, parseJsonExact } from '../../../src/validate/exact-numbers';
import type { FuzzRequest } from './fuzz-target';

/**
 * Why a mutated request is invalid according to the spec's own schemas (and the documented shape limits),
 * decided independently of the mock, as the verifier's negatives do. An empty list means "maybe valid": a
 * mutation that happens to stay valid may legitimately change state. Valid means what the vendor accepts
 * (x-secmock.accepts), which may be more than its document allows.
 */
export function invalidityReasons(
  documented: Operation,
  request: FuzzRequest,
  validators: { strict: SchemaCompiler; coercing: SchemaCompiler },
): string[] {
  const { accepts } = documented;
  const operation = accepts
    ? { ...documented, parameters: accepts.parameters, requestBody: accepts.requestBody }
    : documented;
  if (request.rawPath !== undefined || request.method !== operation.method) return ['not this operation'];
  return [
    ...parameterReasons(operation, 'path', decodedPath(request), validators.coercing),
    ...parameterReasons(operation, 'query', parsedQuery(request), validators.coercing),
    ...parameterReasons(operation, 'header', request.headers, validators.coercing),
    ...bodyReasons(operation, request, validators.strict),
  ];
}

function decodedPath(request: FuzzRequest): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(request.path).map(([name, raw]) => {
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        return [name, raw];
      }
    }),
  );
}

/** The query as the edge parses it: a repeated name becomes a list. */
function parsedQuery(request: FuzzRequest): Record<string, unknown> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.query) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

function parameterReasons(
  operation: Operation,
  location: Parameter['in'],
  values: Record<string, unknown>,
  coercing: SchemaCompiler,
): string[] {
  const declared = operation.parameters.filter((p) => p.in === location);
  if (declared.length === 0) return [];
  const name = (p: Parameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
  const schema = {
    type: 'object',
    properties: Object.fromEntries(declared.map((p) => [name(p), p.schema])),
    required: declared.filter((p) => p.required).map(name),
  } as JsonSchema;
  const subject = Object.fromEntries(
    declared.flatMap((p) => (name(p) in values ? [[name(p), readInteger(p, values[name(p)])]] : [])),
  );
  // Coercion rewrites its input: validate a copy.
  return coercing
    .compile(
      schema,
      location,
    )(structuredClone(subject))
    .map((v) => `${v.path}: ${v.message}`);
}

/** An integer parameter past 2^53 is read by its digits, as the edge reads it. */
function readInteger(parameter: Parameter, value: unknown): unknown {
  const type = (parameter.schema as { type?: unknown } | undefined)?.type;
  const integer = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
  if (!integer) return value;
  if (typeof value === 'string') return exactIntegerText(value);
  return Array.isArray(value)
    ? value.map((v: unknown) => (typeof v === 'string' ? exactIntegerText(v) : v))
    : value;
}

function bodyReasons(operation: Operation, request: FuzzRequest, strict: SchemaCompiler): string[] {
  const body = operation.requestBody;
  if (!body) return [];
  if (request.body === undefined || request.body.length === 0) return body.required ? ['body: missing'] : [];
  const mediaType = mediaTypeOf(request.headers['content-type']) ?? '';
  const media = body.content.find((m) => m.contentType.toLowerCase() === mediaType);
  if (!media)
    return body.content.some((m) => m.contentType.includes('*')) ? [] : [`content-type '${mediaType}'`];
  if (!isJsonMediaType(mediaType)) return [];
  let value: unknown;
  try {
    // A leading byte order mark may be ignored (RFC 8259 §8.1), and the edge does.
    // Integers past 2^53 are read by their digits, as the edge reads them (src/validate/exact-numbers).
    value = parseJsonExact(request.body.replace(/^\ufeff/, ''));
  } catch {
    return ['body: malformed JSON'];
  }
  const tooBig = checkShape(value, DEFAULT_LIMITS);
  if (tooBig.length > 0) return tooBig.map((v) => `${v.path}: ${v.message}`);
  return media.schema
    ? strict
        .compile(
          media.schema,
          'body',
        )(value)
        .map((v) => `${v.path}: ${v.message}`)
    : [];
}
