import standaloneCode from 'ajv/dist/standalone';
import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv';

/** One raw error of a fixed schema, for callers that phrase their own messages (annotations, OpenAPI). */
export type SchemaError = ErrorObject;

/** A compiled fixed schema: the raw errors of a value, empty when it is valid. */
export type FixedValidator = (value: unknown) => SchemaError[];

/**
 * secmock's own schemas (the x-secmock annotations, seed files, the OpenAPI 3.1 meta-schema) never change,
 * so one shared Ajv instance compiles each once per process: a bounded set, unlike the specs' schemas.
 */
let shared: ReturnType<typeof createAjv> | undefined;
const compiled = new Map<object, FixedValidator>();

export function compileFixed(schema: object): FixedValidator {
  let validator = compiled.get(schema);
  if (!validator) {
    shared ??= createAjv();
    const validate = shared.compile(schema);
    validator = (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
    compiled.set(schema, validator);
  }
  return validator;
}

/** Wraps a validate function compiled ahead of time (Ajv standalone code) with the same shape. */
export function wrapPrecompiled(validate: {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}): FixedValidator {
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}

/** The JavaScript module text of a validator compiled ahead of time (see openapi/oas-validator.ts). */
export function standaloneSource(schema: object): string {
  const ajv = createAjv({ keepSource: true });
  return standaloneCode(ajv, ajv.compile(schema));
}
