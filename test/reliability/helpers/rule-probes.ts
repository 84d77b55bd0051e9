import { mergeAllOf } from '../../../src/generate/from-schema';
import type { JsonSchema } from '../../../src/openapi/model';

/**
 * Probes of the rules a contract declares on one field: values the rule forbids, and edge values it
 * allows. Whether a value is forbidden is decided here from the rule's own definition (the int32 and int64
 * ranges by their digits, real calendar dates, the pattern as a regular expression, lengths), not by the
 * validator the mock uses, so a validator that takes a format for a description is caught.
 */
export type RuleClass = 'int32' | 'int64' | 'integer' | 'date' | 'pattern' | 'non-empty';

export interface Probe {
  ruleClass: RuleClass;
  label: string;
  /** The value as JSON text (big integers keep their digits). */
  json: string;
  /** The value in a query or path parameter. */
  text: string;
  forbidden: boolean;
}

type Schema = JsonSchema & Record<string, unknown>;

const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

/** The alternatives a value may match (anyOf/oneOf), each with its allOf merged. */
export function formsOf(schema: JsonSchema): Schema[] {
  const merged = mergeAllOf(schema as Schema) as Schema;
  const alternatives = (merged.anyOf ?? merged.oneOf) as Schema[] | undefined;
  if (!alternatives) return [merged];
  const { anyOf: _any, oneOf: _one, ...shared } = merged;
  return alternatives.flatMap((alternative) => formsOf({ ...shared, ...alternative } as JsonSchema));
}

function typesOf(form: Schema): string[] {
  return Array.isArray(form.type) ? (form.type as string[]) : form.type ? [form.type as string] : [];
}

/** Every probe for a field, judged against all of its forms: forbidden only if no form allows it. */
export function probesFor(schema: JsonSchema): Probe[] {
  const forms = formsOf(schema);
  const candidates = forms.flatMap(candidatesFor);
  const seen = new Set<string>();
  return candidates
    .filter((c) => !seen.has(c.json) && seen.add(c.json))
    .map((c) => ({ ...c, forbidden: forms.every((form) => breaks(form, c)) }));
}

type Candidate = Omit<Probe, 'forbidden'>;

function literal(ruleClass: RuleClass, label: string, digits: string): Candidate {
  return { ruleClass, label, json: digits, text: digits };
}

function string(ruleClass: RuleClass, label: string, value: string): Candidate {
  return { ruleClass, label, json: JSON.stringify(value), text: value };
}

function candidatesFor(form: Schema): Candidate[] {
  const types = typesOf(form);
  const out: Candidate[] = [];
  if (types.includes('integer')) {
    out.push(literal('integer', 'a fraction', '1.5'));
    if (form.format === 'int32') {
      out.push(
        literal('int32', 'int32 max', String(INT32[1])),
        literal('int32', 'int32 min', String(INT32[0])),
      );
      out.push(literal('int32', 'int32 max + 1', String(INT32[1] + 1n)));
      out.push(literal('int32', 'int32 min - 1', String(INT32[0] - 1n)));
      out.push(literal('int32', '2^53 + 1', String(2n ** 53n + 1n)));
    }
    if (form.format === 'int64') {
      out.push(literal('int64', '2^53 + 1', String(2n ** 53n + 1n)));
      out.push(
        literal('int64', 'int64 max', String(INT64[1])),
        literal('int64', 'int64 min', String(INT64[0])),
      );
      out.push(literal('int64', 'int64 max + 1 (2^63)', String(INT64[1] + 1n)));
      out.push(literal('int64', '1e300', '1e300'));
    }
  }
  if (types.includes('string')) {
    if (form.format === 'date-time') {
      out.push(string('date', 'a leap day', '2028-02-29T10:00:00Z'));
      out.push(string('date', '30 February', '2027-02-30T10:00:00Z'));
      out.push(string('date', 'month 13', '2027-13-01T10:00:00Z'));
    }
    if (form.format === 'date') {
      out.push(string('date', 'a leap day', '2028-02-29'), string('date', '30 February', '2027-02-30'));
    }
    if (form.format === 'sql-date-time') {
      out.push(string('date', 'a leap day', '2028-02-29 10:00:00'));
      out.push(string('date', 'an impossible date and time', '2027-13-45 99:99:99'));
      out.push(string('date', '29 February of a common year', '2027-02-29 10:00:00'));
      out.push(string('date', 'before 1970', '1969-12-31 23:59:59'));
    }
    if (typeof form.pattern === 'string') {
      for (const example of (form.examples as unknown[] | undefined) ?? [])
        if (typeof example === 'string') out.push(string('pattern', `the example '${example}'`, example));
      for (const odd of ['lower case!', ' ', '-'])
        out.push(string('pattern', `'${odd}' against ${form.pattern}`, odd));
    }
    if (typeof form.minLength === 'number' && form.minLength >= 1)
      out.push(string('non-empty', 'an empty string', ''));
  }
  if (types.includes('array') && typeof form.minItems === 'number' && form.minItems >= 1)
    out.push({ ruleClass: 'non-empty', label: 'an empty list', json: '[]', text: '' });
  return out;
}

/** Whether the form forbids the candidate, by the definitions of its type, format, pattern and bounds. */
function breaks(form: Schema, candidate: Candidate): boolean {
  const types = typesOf(form);
  const value: unknown = JSON.parse(candidate.json);
  if (Array.isArray(value))
    return !types.includes('array') || value.length < ((form.minItems as number) ?? 0);
  if (typeof value === 'number') {
    const integerLiteral = /^-?\d+$/.test(candidate.json);
    if (!types.includes('number') && !(types.includes('integer') && integerLiteral)) return true;
    if (!integerLiteral) return form.format === 'int32' || form.format === 'int64';
    const exact = BigInt(candidate.json);
    if (form.format === 'int32' && (exact < INT32[0] || exact > INT32[1])) return true;
    if (form.format === 'int64' && (exact < INT64[0] || exact > INT64[1])) return true;
    return outOfBounds(form, value);
  }
  if (typeof value !== 'string' || !types.includes('string')) return true;
  if (typeof form.minLength === 'number' && value.length < form.minLength) return true;
  if (typeof form.maxLength === 'number' && value.length > form.maxLength) return true;
  if (typeof form.pattern === 'string' && !new RegExp(form.pattern, 'u').test(value)) return true;
  if (Array.isArray(form.enum) && !form.enum.includes(value)) return true;
  return !formatAllows(form, value);
}

function outOfBounds(form: Schema, value: number): boolean {
  const below = (bound: unknown, exclusive: boolean) =>
    typeof bound === 'number' && (exclusive ? value <= bound : value < bound);
  const above = (bound: unknown, exclusive: boolean) =>
    typeof bound === 'number' && (exclusive ? value >= bound : value > bound);
  return (
    below(form.minimum, false) ||
    below(form.exclusiveMinimum, true) ||
    above(form.maximum, false) ||
    above(form.exclusiveMaximum, true) ||
    (Array.isArray(form.enum) && !form.enum.includes(value))
  );
}

function formatAllows(form: Schema, value: string): boolean {
  switch (form.format) {
    case 'date-time': {
      const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(
        value,
      );
      return parts !== null && realDay(parts) && realTime(parts.slice(3)) && notBefore(form, value);
    }
    case 'date': {
      const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return parts !== null && realDay(parts);
    }
    case 'sql-date-time': {
      const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
      return parts !== null && realDay(parts) && realTime(parts.slice(3)) && notBefore(form, value);
    }
    default:
      return true;
  }
}

function realDay(parts: RegExpExecArray): boolean {
  const [year, month, day] = parts.slice(1, 4).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function realTime(parts: string[]): boolean {
  const [hour, minute, second] = parts.slice(1, 4).map(Number);
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** The lower bounds the specs declare on dates (formatMinimum / formatExclusiveMinimum). */
function notBefore(form: Schema, value: string): boolean {
  const time = (text: string) => Date.parse(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`);
  if (typeof form.formatMinimum === 'string' && time(value) < time(form.formatMinimum)) return false;
  if (typeof form.formatExclusiveMinimum === 'string' && time(value) <= time(form.formatExclusiveMinimum))
    return false;
  return true;
}
