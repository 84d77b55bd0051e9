import { instantFor, renderForPattern, renderInFormat, TIME_NAME } from './dates';
import { placeOf } from './geo-rules';
import { stringsByName, type FieldContext } from './heuristics';
import { fallbackWord, pickText } from './text-rules';

/**
 * A string for a schema: its format first (a real date in the format's layout, a public address), then a
 * date in the layout its pattern spells, then a realistic value by the field's name, then the pattern
 * alone. Every candidate is checked against the schema's pattern and lengths before it is taken.
 */
type Schema = Record<string, unknown>;

export function generateString(schema: Schema, ctx: FieldContext, name: string): string {
  const pattern = compilePattern(schema.pattern);
  const fits = (value: string | undefined): value is string =>
    value !== undefined && fitsLengths(value, schema) && (!pattern || pattern.test(value));
  const byFormat = formatted(schema, ctx, name);
  if (fits(byFormat)) return byFormat;
  const byName = byFormat === undefined ? stringsByName(name, ctx) : [];
  const candidate = [datedByPattern(pattern, ctx, name), ...byName].find(fits);
  if (candidate !== undefined) return candidate;
  const byPattern = pattern ? patterned(schema, pattern, ctx) : undefined;
  if (byPattern !== undefined) return byPattern;
  return clampLength(byFormat ?? byName[0] ?? fallbackWord(ctx.faker), schema, ctx);
}

function compilePattern(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** Lengths as JSON Schema counts them: in code points. */
function fitsLengths(value: string, schema: Schema): boolean {
  const length = [...value].length;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  return length >= min && length <= max;
}

function clampLength(value: string, schema: Schema, ctx: FieldContext): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  let text = value;
  // Words rather than filler characters: a long minimum still reads as text.
  while ([...text].length < min) text = `${text} ${fallbackWord(ctx.faker)}`;
  return [...text].slice(0, max).join('');
}

function formatted(schema: Schema, ctx: FieldContext, name: string): string | undefined {
  const { faker } = ctx;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  if (format === undefined) return undefined;
  const dated = renderInFormat(instantFor(name, faker, ctx.now), format);
  if (dated !== undefined) return dated;
  switch (format) {
    case 'uuid':
      return faker.string.uuid();
    case 'email':
      return faker.internet.email().toLowerCase();
    case 'uri':
    case 'url':
    case 'uri-reference':
      return faker.internet.url({ appendSlash: false });
    case 'hostname':
      return faker.internet.domainName();
    case 'ipv4':
      return placeOf(ctx).ip;
    case 'ipv6':
      return faker.internet.ipv6();
    case 'byte':
      return Buffer.from(pickText(faker, 'descriptions')).toString('base64');
    default:
      return undefined;
  }
}

/**
 * A real instant in the layout the pattern spells, when it spells a date or time: the pattern must refuse
 * the same layout with letters for digits, or `^\S+$` would be taken for a date.
 */
function datedByPattern(pattern: RegExp | undefined, ctx: FieldContext, name: string): string | undefined {
  if (!pattern) return undefined;
  const rendered = renderForPattern(instantFor(name, ctx.faker, ctx.now), pattern, TIME_NAME.test(name));
  if (rendered === undefined || pattern.test(rendered.replace(/\d/g, 'a'))) return undefined;
  return rendered;
}

/** A value the pattern alone makes (faker follows a subset of regular expressions), else an example. */
function patterned(schema: Schema, pattern: RegExp, ctx: FieldContext): string | undefined {
  try {
    const source = String(schema.pattern).replace(/^\^|\$$/g, '');
    const candidate = ctx.faker.helpers.fromRegExp(source);
    if (pattern.test(candidate) && fitsLengths(candidate, schema)) return candidate;
  } catch {
    // A pattern faker cannot follow: the schema's own examples.
  }
  const examples = (schema.examples as unknown[] | undefined) ?? [schema.example];
  return examples.find((e): e is string => typeof e === 'string' && pattern.test(e));
}
