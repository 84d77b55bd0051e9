import { instantFor, renderForPattern, renderInFormat, TIME_NAME } from '../../../src/generate/dates';
import { createFaker } from '../../../src/generate/seed';
import { SchemaCompiler } from '../../../src/schema/compile';

const NOW = Date.parse('2025-09-09T18:00:00Z');
const DAY = 86_400_000;
const compiler = new SchemaCompiler();
/** Instants that stress a layout: a leap day, the last second of a year, the epoch's first millisecond. */
const INSTANTS = [Date.UTC(2024, 1, 29, 23, 59, 59), Date.UTC(2025, 11, 31, 23, 59, 59, 999), NOW, 1];

describe('times', () => {
  it('are in the 30 days before the clock, or after it for a field that means a time to come', () => {
    const faker = createFaker(1);
    for (let i = 0; i < 50; i++) {
      const past = instantFor('created_at', faker, NOW);
      expect(past).toBeLessThanOrEqual(NOW);
      expect(past).toBeGreaterThanOrEqual(NOW - 30 * DAY);
      for (const name of ['due_date', 'expires_at', 'expiryTime', 'nextRunAt', 'valid_to']) {
        const future = instantFor(name, faker, NOW);
        expect(future).toBeGreaterThan(NOW);
        expect(future).toBeLessThanOrEqual(NOW + 30 * DAY);
      }
    }
  });

  it.each(['date-time', 'iso-date-time', 'date', 'time', 'iso-time', 'sql-date-time'])(
    'render in the %s format as the project’s ajv reads it',
    (format) => {
      const validate = compiler.compile({ type: 'string', format }, '$');
      for (const ms of INSTANTS) expect(validate(renderInFormat(ms, format))).toEqual([]);
    },
  );

  it('render nothing for a format that is not a time', () => {
    expect(renderInFormat(NOW, 'uuid')).toBeUndefined();
  });

  it.each([
    ['^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$', '2025-09-09 18:00:00'],
    ['^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$', '2025-09-09T18:00:00Z'],
    ['^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$', '2025-09-09T18:00:00.000Z'],
    ['^[0-9]{4}-[0-9]{2}-[0-9]{2}$', '2025-09-09'],
    ['^\\d{4}/\\d{2}/\\d{2}$', '2025/09/09'],
    ['^\\d{2}/\\d{2}/\\d{4}$', '09/09/2025'],
    ['^\\d{2}\\.\\d{2}\\.\\d{4}$', '09.09.2025'],
    ['^([01]\\d|2[0-3]):[0-5]\\d$', '18:00'],
  ])('render in the layout the pattern %s spells', (pattern, expected) => {
    expect(renderForPattern(NOW, new RegExp(pattern, 'u'), false)).toBe(expected);
  });

  it('take digits for a digit pattern only when the field is named as a time', () => {
    const digits = /^[0-9]+$/u;
    expect(renderForPattern(NOW, digits, false)).toBeUndefined();
    expect(renderForPattern(NOW, digits, true)).toBe(String(NOW / 1000));
    expect(renderForPattern(NOW, /^\d{8}$/u, true)).toBe('20250909');
  });

  it('leave a pattern that does not spell a time to the pattern', () => {
    for (const pattern of [/^0[0-9]{7}$/u, /^[A-Z][A-Z0-9_]+$/u, /^([A-Z]{2})?$/u, /^[0-9a-f]{24}$/u])
      expect(renderForPattern(NOW, pattern, false)).toBeUndefined();
  });

  it.each([
    ['created_at', true],
    ['createdAt', true],
    ['create_time', true],
    ['updateTime', true],
    ['startTs', true],
    ['timestamp', true],
    ['lastSentTimestamp', true],
    ['due_date', true],
    ['time', true],
    ['runtime', false],
    ['format', false],
    ['status', false],
    ['counts', false],
    ['time_zone', false],
  ])('know %s as a time: %s', (name, expected) => {
    expect(TIME_NAME.test(name)).toBe(expected);
  });
});
