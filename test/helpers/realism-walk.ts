import { checkLeaf, satisfies, type Audit } from './realism';
import { checkAgreement } from './realism-geo';

/**
 * Walks a value beside its (dereferenced) schema and audits every leaf with the schema that applies to it:
 * allOf parts merged, the anyOf/oneOf branch the value satisfies, `items`, `properties` and
 * `additionalProperties`. Fields the schema does not describe are still audited by name.
 */
type Schema = Record<string, unknown>;

export function auditValue(audit: Audit, value: unknown, schema: unknown, at = '$', name = ''): void {
  audit.values++;
  walk(audit, value, schema, name, at);
}

function walk(audit: Audit, value: unknown, schema: unknown, name: string, at: string): void {
  if (value === null || value === undefined) return;
  const applied = applicable(value, schema);
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(audit, item, applied.items, name, `${at}[${i}]`));
    return;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    checkAgreement(audit, record, at);
    for (const [key, child] of Object.entries(record))
      walk(audit, child, propertySchema(applied, key), key, `${at}.${key}`);
    return;
  }
  checkLeaf(audit, value, applied, name, at);
}

function propertySchema(schema: Schema, key: string): unknown {
  const properties = schema.properties as Record<string, unknown> | undefined;
  if (properties?.[key] !== undefined) return properties[key];
  return typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
}

/** The schema that describes this value: allOf parts merged into one, the satisfied branch chosen. */
function applicable(value: unknown, schema: unknown): Schema {
  if (schema === undefined || typeof schema === 'boolean') return {};
  const { allOf, anyOf, oneOf, ...base } = schema as Schema;
  let merged: Schema = base;
  for (const part of (allOf as unknown[] | undefined) ?? []) merged = merge(merged, applicable(value, part));
  const branches = (anyOf ?? oneOf) as unknown[] | undefined;
  const branch = branches?.find((b) => satisfies(value, b));
  return branch === undefined ? merged : merge(merged, applicable(value, branch));
}

/** Both schemas' keywords; a property both describe is described by both (an allOf of the two). */
function merge(a: Schema, b: Schema): Schema {
  const properties = { ...((a.properties as Schema | undefined) ?? {}) };
  for (const [key, schema] of Object.entries((b.properties as Schema | undefined) ?? {}))
    properties[key] = key in properties ? { allOf: [properties[key], schema] } : schema;
  const items =
    a.items !== undefined && b.items !== undefined ? { allOf: [a.items, b.items] } : (b.items ?? a.items);
  return { ...a, ...b, properties, items };
}
