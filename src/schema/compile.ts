import type Ajv2020 from 'ajv/dist/2020';
import { createAjv } from './ajv';
import { toViolations, type Violation } from './violations';

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as plain data; `true`/`false` accept all/nothing. */
export type JsonSchema = object | boolean;

/** A compiled schema: call it with a value, get the violations (empty when valid). */
export type SchemaValidator = (value: unknown) => Violation[];

/**
 * Compiles schemas once and caches by schema object identity: a dereferenced spec shares one object per
 * component, so the same component is compiled once however many operations use it. One compiler per
 * mock or verifier run, so that its compiled schemas are freed with it.
 */
export class SchemaCompiler {
  private readonly cache = new WeakMap<object, SchemaValidator>();
  private readonly ajv: Ajv2020;

  /** coerceTypes: text is read as the declared type first (query, path and header parameters). */
  constructor(options: { coerceTypes?: boolean } = {}) {
    this.ajv = createAjv(options);
  }

  /** Root is the first segment of reported paths: `body`, `query`... A schema that cannot compile throws. */
  compile(schema: JsonSchema, root: string): SchemaValidator {
    if (typeof schema === 'boolean')
      return schema ? () => [] : () => [{ path: root, message: 'is not allowed', keyword: 'false' }];
    const cached = this.cache.get(schema);
    if (cached) return (value) => reroot(cached(value), root);
    const validate = this.ajv.compile(schema);
    const validator: SchemaValidator = (value) =>
      validate(value) ? [] : toViolations('$', validate.errors ?? []);
    this.cache.set(schema, validator);
    return (value) => reroot(validator(value), root);
  }
}

function reroot(violations: Violation[], root: string): Violation[] {
  if (root === '$') return violations;
  return violations.map((v) => ({ ...v, path: root + v.path.slice(1) }));
}
