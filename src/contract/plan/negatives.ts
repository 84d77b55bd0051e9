import type { JsonSchema, Operation, Parameter } from '../../openapi';
import type { SchemaCompiler } from '../../schema';
import { jsonMedia, type RequestParts } from './request-parts';

/**
 * Variants of a valid request that the spec makes unambiguously invalid: each is confirmed invalid by the
 * spec's own schema before it is used, so the verifier never blames an implementation for accepting
 * something the contract allows. Where the vendor accepts more than its document (`x-secmock.accepts`), a
 * variant must be invalid by the vendor's rules too: accepting what only the document forbids is conformant.
 */
export interface NegativeVariant {
  label: string;
  parts: RequestParts;
}

type Schema = JsonSchema & Record<string, unknown>;
const MAX_PER_KIND = 2;

const WRONG_VALUE: Record<string, unknown> = {
  string: 12345,
  integer: 'not-a-number',
  number: 'not-a-number',
  boolean: 'not-a-boolean',
  array: 'not-an-array',
  object: 'not-an-object',
};

function singleType(schema: Schema): string | undefined {
  return typeof schema.type === 'string' ? schema.type : undefined;
}

export function negativeVariants(
  operation: Operation,
  valid: RequestParts,
  validators: SchemaCompiler,
): NegativeVariant[] {
  const view = acceptedView(operation);
  return [...bodyVariants(view, valid, validators), ...parameterVariants(view, valid, validators)];
}

/** The operation with the request the vendor accepts in place of the document's. */
function acceptedView(operation: Operation): Operation {
  const { accepts } = operation;
  return accepts
    ? { ...operation, parameters: accepts.parameters, requestBody: accepts.requestBody }
    : operation;
}

function bodyVariants(
  operation: Operation,
  valid: RequestParts,
  validators: SchemaCompiler,
): NegativeVariant[] {
  const media = jsonMedia(operation);
  if (!media || valid.body === undefined) return [];
  const variants: NegativeVariant[] = [
    { label: 'malformed JSON body', parts: { ...valid, rawBody: '{"unterminated": ' } },
  ];
  if (
    !operation.requestBody?.content.some(
      (m) => m.contentType === 'text/plain' || m.contentType.startsWith('*/'),
    )
  ) {
    variants.push({ label: 'JSON sent as text/plain', parts: { ...valid, contentType: 'text/plain' } });
  }
  if (operation.requestBody?.required)
    variants.push({
      label: 'missing required body',
      parts: { ...valid, body: undefined, contentType: undefined },
    });
  const schema = media.schema as Schema | undefined;
  const body = valid.body;
  if (!schema || body === null || typeof body !== 'object' || Array.isArray(body)) return variants;
  const invalid = (candidate: unknown) => validators.compile(schema, 'body')(candidate).length > 0;
  const record = body as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const mutate = (label: string, change: (copy: Record<string, unknown>) => void) => {
    const copy = structuredClone(record);
    change(copy);
    if (invalid(copy)) variants.push({ label, parts: { ...valid, body: copy } });
  };
  for (const name of ((schema.required ?? []) as string[]).slice(0, MAX_PER_KIND)) {
    mutate(`missing required body.${name}`, (copy) => delete copy[name]);
  }
  const typed = Object.entries(properties).filter(
    ([, p]) => singleType(p) && WRONG_VALUE[singleType(p) as string] !== undefined,
  );
  for (const [name, property] of typed.slice(0, MAX_PER_KIND)) {
    mutate(
      `body.${name} of the wrong type`,
      (copy) => (copy[name] = WRONG_VALUE[singleType(property) as string]),
    );
  }
  const enumerated = Object.entries(properties).find(([, p]) => Array.isArray(p.enum));
  if (enumerated)
    mutate(
      `body.${enumerated[0]} outside its enum`,
      (copy) => (copy[enumerated[0]] = outsideEnum(enumerated[1])),
    );
  return variants;
}

function outsideEnum(schema: Schema): unknown {
  const values = schema.enum as unknown[];
  if (values.every((v) => typeof v === 'number')) return Math.max(...(values as number[])) + 1000;
  return 'NOT_A_DOCUMENTED_VALUE';
}

function parameterVariants(
  operation: Operation,
  valid: RequestParts,
  validators: SchemaCompiler,
): NegativeVariant[] {
  const variants: NegativeVariant[] = [];
  const invalid = (parameter: Parameter, value: unknown) =>
    validators.compile(
      { type: 'object', properties: { v: parameter.schema }, required: ['v'] } as JsonSchema,
      'param',
    )({ v: value }).length > 0;
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' && parameter.in !== 'path') continue;
    const schema = parameter.schema as Schema;
    if (parameter.in === 'query' && parameter.required && variants.length < MAX_PER_KIND) {
      const query = { ...valid.query };
      delete query[parameter.name];
      variants.push({ label: `missing required query.${parameter.name}`, parts: { ...valid, query } });
    }
    const type = singleType(schema);
    const wrong = Array.isArray(schema.enum)
      ? 'NOT_A_DOCUMENTED_VALUE'
      : type === 'integer' || type === 'number' || type === 'boolean'
        ? 'not-a-number'
        : undefined;
    if (wrong !== undefined && invalid(parameter, wrong) && variants.length < MAX_PER_KIND * 2) {
      const location = parameter.in;
      variants.push({
        label: `${location}.${parameter.name} = '${wrong}'`,
        parts: { ...valid, [location]: { ...valid[location], [parameter.name]: wrong } },
      });
    }
  }
  return variants;
}
