import { VOCABULARY } from '../../../src/generate/data/vocabulary';
import { createFaker } from '../../../src/generate/seed';
import { generateString } from '../../../src/generate/strings';
import { placeScope } from '../../../src/generate/places';
import { SchemaCompiler } from '../../../src/schema/compile';

const NOW = Date.parse('2025-09-09T18:00:00Z');
const DAY = 86_400_000;
const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
const compiler = new SchemaCompiler();

function strings(schema: Record<string, unknown>, name = ''): string[] {
  return SEEDS.map((seed) => {
    const faker = createFaker(seed);
    return generateString(schema, { faker, now: NOW, place: placeScope(faker) }, name);
  });
}

const invalid = (schema: Record<string, unknown>, values: string[]) => {
  const validate = compiler.compile(schema, '$');
  return values.filter((v) => validate(v).length > 0);
};

describe('generated strings', () => {
  const sqlDateTime = {
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$',
    format: 'sql-date-time',
  };

  it('are real SQL date-times for a pattern of digits with the sql-date-time format', () => {
    const values = strings(sqlDateTime, 'created_time');
    expect(invalid(sqlDateTime, values)).toEqual([]);
    for (const value of values) {
      const at = Date.parse(`${value.replace(' ', 'T')}Z`);
      expect(at).toBeLessThanOrEqual(NOW);
      expect(at).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    }
  });

  it('are real dates, after the clock, for a due date', () => {
    for (const value of strings(sqlDateTime, 'due_date'))
      expect(Date.parse(`${value.replace(' ', 'T')}Z`)).toBeGreaterThan(NOW);
  });

  it('are real dates in the layout a date pattern spells, without a format', () => {
    const schema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
    const dateFormat = { type: 'string', format: 'date' };
    expect(invalid(dateFormat, strings(schema, 'birthday'))).toEqual([]);
    expect(invalid(schema, strings(schema))).toEqual([]);
  });

  it('are epoch digits for a digit pattern named as a time, and any digits otherwise', () => {
    const schema = { pattern: '^[0-9]+$' };
    for (const value of strings(schema, 'start_time'))
      expect(Number(value) * 1000).toBeGreaterThan(NOW - 31 * DAY);
    expect(invalid(schema, strings(schema, 'code'))).toEqual([]);
  });

  it('take a value by name only where the pattern accepts it', () => {
    const countryCode = { type: 'string', pattern: '^([A-Z]{2})?$' };
    const values = strings(countryCode, 'country');
    expect(invalid(countryCode, values)).toEqual([]);
    expect(values.every((v) => v.length === 2)).toBe(true);
    expect(strings({ type: 'string' }, 'country').some((v) => v.length > 2)).toBe(true);
  });

  it('keep to the lengths, in words rather than filler', () => {
    const long = { type: 'string', minLength: 40 };
    const values = strings(long, 'mystery');
    expect(invalid(long, values)).toEqual([]);
    for (const value of values) expect(value).toMatch(/^[a-z]+( [a-z]+)+$/);
    expect(
      invalid({ type: 'string', maxLength: 5 }, strings({ type: 'string', maxLength: 5 }, 'title')),
    ).toEqual([]);
  });

  it('are public addresses for the ipv4 format, the same as the record’s ip', () => {
    const faker = createFaker(4);
    const ctx = { faker, now: NOW, place: placeScope(faker) };
    const formatted = generateString({ type: 'string', format: 'ipv4' }, ctx, 'peer');
    expect(generateString({ type: 'string' }, ctx, 'client_ip')).toBe(formatted);
  });

  it('are base64 text for the byte format', () => {
    for (const value of strings({ type: 'string', format: 'byte' }))
      expect(VOCABULARY.descriptions).toContain(Buffer.from(value, 'base64').toString());
  });
});
