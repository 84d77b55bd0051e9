import { applyRule, type FieldRule, type RuleContext } from '../../../src/generate/fixture-rules';
import { createFaker } from '../../../src/generate/seed';

const NOW = Date.parse('2025-09-09T18:00:00Z');
const DAY = 86_400_000;
const faker = createFaker(0);

function context(seed = 1, entity: Record<string, unknown> = {}): RuleContext {
  const collections: Record<string, Record<string, unknown[]>> = {
    users: { id: ['u1', 'u2', 'u3'], email: ['a@x.io', 'b@x.io', 'c@x.io'] },
    empty: { id: [] },
  };
  faker.seed(seed);
  return {
    faker,
    now: NOW,
    n: 4,
    valuesOf: (collection, field = 'id') => collections[collection]?.[field] ?? [],
    entity,
    formatTime: (ms) => new Date(ms).toISOString(),
  };
}

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('applyRule', () => {
  it('pick: one of the values', () => {
    for (const seed of SEEDS) expect(['a', 'b']).toContain(applyRule({ pick: ['a', 'b'] }, context(seed)));
  });

  it('pick with weights favours the heavier value', () => {
    const ctx = context(3);
    const picked = Array.from({ length: 400 }, () =>
      applyRule({ pick: ['light', 'heavy'], weights: [1, 4] }, ctx),
    );
    const heavy = picked.filter((p) => p === 'heavy').length;
    expect(new Set(picked)).toEqual(new Set(['light', 'heavy']));
    expect(heavy / picked.length).toBeGreaterThan(0.7);
    expect(heavy / picked.length).toBeLessThan(0.9);
  });

  it('faker: calls the named faker method with the arguments', () => {
    for (const seed of SEEDS) {
      const value = applyRule({ faker: 'number.int', args: [{ min: 5, max: 6 }] }, context(seed));
      expect([5, 6]).toContain(value);
    }
    expect(applyRule({ faker: 'internet.ipv4' }, context())).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('faker: an unknown method is an error', () => {
    expect(() => applyRule({ faker: 'internet.nope' }, context())).toThrow(
      "unknown faker method 'internet.nope'",
    );
    expect(() => applyRule({ faker: 'nothing.here' }, context())).toThrow('nothing.here');
  });

  it('ref: a key (or a field) of another collection, nothing when it is empty', () => {
    for (const seed of SEEDS) {
      expect(['u1', 'u2', 'u3']).toContain(applyRule({ ref: 'users' }, context(seed)));
      expect(['a@x.io', 'b@x.io', 'c@x.io']).toContain(
        applyRule({ ref: 'users', field: 'email' }, context(seed)),
      );
    }
    expect(applyRule({ ref: 'empty' }, context())).toBeUndefined();
  });

  it('refs: distinct values of another collection, between min and max', () => {
    for (const seed of SEEDS) {
      const values = applyRule({ refs: 'users', min: 1, max: 2 }, context(seed)) as string[];
      expect(values.length).toBeGreaterThanOrEqual(1);
      expect(values.length).toBeLessThanOrEqual(2);
      expect(new Set(values).size).toBe(values.length);
      for (const v of values) expect(['u1', 'u2', 'u3']).toContain(v);
    }
    expect(applyRule({ refs: 'empty', max: 5 }, context())).toEqual([]);
  });

  it('int: within the bounds', () => {
    for (const seed of SEEDS) {
      const value = applyRule({ int: [10, 12] }, context(seed)) as number;
      expect([10, 11, 12]).toContain(value);
    }
  });

  it('const: a copy of the value', () => {
    const rule: FieldRule = { const: { a: [1] } };
    const value = applyRule(rule, context()) as { a: number[] };
    expect(value).toEqual({ a: [1] });
    value.a.push(2);
    expect(rule).toEqual({ const: { a: [1] } });
  });

  it('daysBack: a time within that many days before now, in the clock format', () => {
    for (const seed of SEEDS) {
      const at = Date.parse(applyRule({ daysBack: 3 }, context(seed)) as string);
      expect(at).toBeLessThanOrEqual(NOW);
      expect(at).toBeGreaterThanOrEqual(NOW - 3 * DAY);
    }
  });

  it('template: fills ${n} and fields of the entity so far, unknown ones empty', () => {
    expect(applyRule({ template: 'host-${n}.${zone}${missing}' }, context(1, { zone: 'eu' }))).toBe(
      'host-4.eu',
    );
  });
});
