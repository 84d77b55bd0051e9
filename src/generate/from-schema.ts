import type { JsonSchema } from '../openapi';
import { integerByName, stringByName, type FieldContext } from './heuristics';

/**
 * Generates a value that satisfies a (dereferenced) JSON Schema, realistic where the schema leaves room:
 * enums and examples first, then formats, then hints from the field's name. Seeded through ctx.faker.
 */
export interface GenerateContext extends FieldContext {
  /** Optional properties are filled too (realistic data shows them), up to this depth. */
  maxDepth?: number;
}

type Schema = JsonSchema & Record<string, unknown>;
const DAY = 86_400_000;

export function generateFromSchema(
  schema: JsonSchema | boolean | undefined,
  ctx: GenerateContext,
  name = '',
): unknown {
  return generate(schema as Schema | boolean | undefined, ctx, name, 0);
}

function generate(
  schema: Schema | boolean | undefined,
  ctx: GenerateContext,
  name: string,
  depth: number,
): unknown {
  if (schema === undefined || schema === true) return ctx.faker.lorem.word();
  if (schema === false) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return ctx.faker.helpers.arrayElement(schema.enum);
  if (schema.allOf) return generate(mergeAllOf(schema), ctx, name, depth);
  const alternatives = (schema.oneOf ?? schema.anyOf) as Schema[] | undefined;
  if (alternatives && alternatives.length > 0) {
    // The first alternative that is not null: the documented primary shape.
    const primary = alternatives.find((s) => s.type !== 'null') ?? alternatives[0];
    return generate({ ...withoutCombinators(schema), ...primary } as Schema, ctx, name, depth);
  }
  switch (pickType(schema)) {
    case 'null':
      return null;
    case 'boolean':
      return ctx.faker.datatype.boolean();
    case 'integer':
      return generateNumber(schema, ctx, name, true);
    case 'number':
      return generateNumber(schema, ctx, name, false);
    case 'string':
      return generateString(schema, ctx, name);
    case 'array':
      return generateArray(schema, ctx, name, depth);
    default:
      return generateObject(schema, ctx, depth);
  }
}

function pickType(schema: Schema): string {
  const type = schema.type as string | string[] | undefined;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') ?? 'null';
  if (type) return type;
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  return 'object';
}

function withoutCombinators(schema: Schema): Schema {
  const rest = { ...schema };
  delete rest.oneOf;
  delete rest.anyOf;
  return rest;
}

/** The object an allOf describes, its parts' properties and required fields merged (nested allOf too). */
export function mergeAllOf(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Schema = { ...schema, allOf: undefined } as Schema;
  for (const part of schema.allOf as Schema[]) {
    const resolved = part.allOf ? mergeAllOf(part) : part;
    Object.assign(merged, resolved, {
      properties: { ...(merged.properties ?? {}), ...(resolved.properties ?? {}) },
      required: [
        ...new Set([...((merged.required as string[]) ?? []), ...((resolved.required as string[]) ?? [])]),
      ],
    });
  }
  delete merged.allOf;
  return merged;
}

function generateNumber(schema: Schema, ctx: GenerateContext, name: string, integer: boolean): number {
  const step = integer ? 1 : 0.01;
  const bound = (inclusive: unknown, exclusive: unknown, direction: 1 | -1): number | undefined => {
    if (typeof inclusive === 'number') return inclusive;
    if (typeof exclusive === 'number') return exclusive + direction * step;
    return undefined;
  };
  const min = bound(schema.minimum, schema.exclusiveMinimum, 1) ?? 0;
  const max = bound(schema.maximum, schema.exclusiveMaximum, -1) ?? min + 1000;
  const hinted = integer ? integerByName(name, ctx) : undefined;
  if (hinted !== undefined && hinted >= min && hinted <= max) return hinted;
  if (integer) return ctx.faker.number.int({ min: Math.ceil(min), max: Math.floor(max) });
  return ctx.faker.number.float({ min, max, fractionDigits: 2 });
}

function generateString(schema: Schema, ctx: GenerateContext, name: string): string {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? Infinity;
  const value =
    formatted(schema, ctx) ?? patterned(schema, ctx) ?? stringByName(name, ctx) ?? ctx.faker.lorem.word();
  if (value.length > maxLength) return value.slice(0, maxLength);
  return value.length < minLength ? value.padEnd(minLength, 'x') : value;
}

function formatted(schema: Schema, ctx: GenerateContext): string | undefined {
  const past = () => new Date(ctx.now - ctx.faker.number.int({ min: 0, max: 30 * DAY }));
  switch (schema.format) {
    case 'date-time':
      return past()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    case 'date':
      return past().toISOString().slice(0, 10);
    case 'uuid':
      return ctx.faker.string.uuid();
    case 'email':
      return ctx.faker.internet.email().toLowerCase();
    case 'uri':
    case 'url':
    case 'uri-reference':
      return ctx.faker.internet.url({ appendSlash: false });
    case 'hostname':
      return ctx.faker.internet.domainName();
    case 'ipv4':
      return ctx.faker.internet.ipv4();
    case 'ipv6':
      return ctx.faker.internet.ipv6();
    case 'byte':
      return Buffer.from(ctx.faker.lorem.words(3)).toString('base64');
    default:
      return undefined;
  }
}

function patterned(schema: Schema, ctx: GenerateContext): string | undefined {
  if (typeof schema.pattern !== 'string') return undefined;
  const pattern = new RegExp(schema.pattern, 'u');
  try {
    const candidate = ctx.faker.helpers.fromRegExp(schema.pattern.replace(/^\^|\$$/g, ''));
    if (pattern.test(candidate)) return candidate;
  } catch {
    // fromRegExp supports a subset of regular expressions; fall through to the schema's own example.
  }
  const examples = (schema.examples as unknown[] | undefined) ?? [schema.example];
  return examples.find((e): e is string => typeof e === 'string' && pattern.test(e));
}

function generateArray(schema: Schema, ctx: GenerateContext, name: string, depth: number): unknown[] {
  const minItems = (schema.minItems as number | undefined) ?? 0;
  const maxItems = (schema.maxItems as number | undefined) ?? Math.max(minItems, 3);
  const deep = depth >= (ctx.maxDepth ?? 6);
  const count = deep
    ? minItems
    : ctx.faker.number.int({
        min: Math.max(minItems, Math.min(1, maxItems)),
        max: Math.min(maxItems, minItems + 3),
      });
  const itemName = name.replace(/(ies)$/, 'y').replace(/s$/, '');
  const items = Array.from({ length: count }, () =>
    generate(schema.items as Schema, ctx, itemName, depth + 1),
  );
  return schema.uniqueItems ? dedupe(items) : items;
}

function dedupe(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function generateObject(schema: Schema, ctx: GenerateContext, depth: number): Record<string, unknown> {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const deep = depth >= (ctx.maxDepth ?? 6);
  const result: Record<string, unknown> = {};
  for (const [key, propertySchema] of Object.entries(properties)) {
    if (deep && !required.has(key)) continue;
    const value = generate(propertySchema, ctx, key, depth + 1);
    if (value !== undefined) result[key] = value;
  }
  const extra = schema.additionalProperties;
  if (!deep && Object.keys(properties).length === 0 && extra && typeof extra === 'object') {
    for (const key of ctx.faker.helpers.uniqueArray(() => ctx.faker.word.noun(), 2)) {
      result[key] = generate(extra as Schema, ctx, key, depth + 1);
    }
  }
  return result;
}
