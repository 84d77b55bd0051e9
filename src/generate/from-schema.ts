import type { JsonSchema } from '../openapi';
import { numberByName, type FieldContext } from './heuristics';
import { placeScope } from './places';
import { generateString } from './strings';
import { fallbackWord } from './text-rules';

/**
 * Generates a value that satisfies a (dereferenced) JSON Schema, realistic where the schema leaves room:
 * enums and examples first, then formats, then hints from the field's name. Seeded through ctx.faker.
 */
export interface GenerateContext extends FieldContext {
  /** Optional properties are filled too (realistic data shows them), up to this depth. */
  maxDepth?: number;
}

type Schema = JsonSchema & Record<string, unknown>;

export function generateFromSchema(
  schema: JsonSchema | boolean | undefined,
  ctx: GenerateContext,
  name = '',
): unknown {
  // One record, one place: its address, country and coordinates agree (an array item gets its own).
  const scoped = { ...ctx, place: ctx.place ?? placeScope(ctx.faker) };
  return generate(schema as Schema | boolean | undefined, scoped, name, 0);
}

function generate(
  schema: Schema | boolean | undefined,
  ctx: GenerateContext,
  name: string,
  depth: number,
): unknown {
  if (schema === undefined || schema === true) return fallbackWord(ctx.faker);
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
  // `{ pattern }` alone (an anyOf branch) describes strings: an object would satisfy it, but say nothing.
  if (['pattern', 'format', 'minLength', 'maxLength'].some((k) => k in schema)) return 'string';
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].some((k) => k in schema))
    return 'number';
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
  const [low, high] = FORMAT_RANGES[schema.format as string] ?? [-Infinity, Infinity];
  const declaredMin = bound(schema.minimum, schema.exclusiveMinimum, 1);
  const declaredMax = bound(schema.maximum, schema.exclusiveMaximum, -1);
  // A value by name only has to respect what the schema declares: an epoch time is far past 1000.
  const hinted = numberByName(name, ctx, integer);
  if (
    hinted !== undefined &&
    hinted >= Math.max(low, declaredMin ?? low) &&
    hinted <= Math.min(high, declaredMax ?? high)
  )
    return hinted;
  const min = declaredMin ?? 0;
  const max = declaredMax ?? min + 1000;
  if (integer) return ctx.faker.number.int({ min: Math.ceil(min), max: Math.floor(max) });
  return ctx.faker.number.float({ min, max, fractionDigits: 2 });
}

/** The ranges of the numeric formats ajv checks (int64: the integers a double holds exactly). */
const FORMAT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

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
    generate(schema.items as Schema, ownPlace(ctx), itemName, depth + 1),
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
    for (const key of mapKeys(schema, ctx)) {
      result[key] = generate(extra as Schema, ownPlace(ctx), key, depth + 1);
    }
  }
  return result;
}

/** Each item of a list or value of a map is a record of its own: its own place. */
function ownPlace(ctx: GenerateContext): GenerateContext {
  return { ...ctx, place: placeScope(ctx.faker) };
}

/** Two distinct keys (or what min/maxProperties ask), valid for `propertyNames` when the schema has it. */
function mapKeys(schema: Schema, ctx: GenerateContext): string[] {
  const wanted = Math.max(
    (schema.minProperties as number | undefined) ?? 0,
    Math.min(2, (schema.maxProperties as number | undefined) ?? 2),
  );
  const names = schema.propertyNames as Schema | undefined;
  const draw = () => String(names ? generate(names, ctx, '', 1) : ctx.faker.word.noun());
  const keys = new Set<string>();
  // Bounded: a propertyNames with one allowed name cannot give two.
  for (let attempt = 0; keys.size < wanted && attempt < wanted * 10; attempt++) keys.add(draw());
  return [...keys];
}
