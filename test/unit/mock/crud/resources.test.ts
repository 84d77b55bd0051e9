import type { JsonSchema } from '../../../../src/openapi/model';
import { ResourceRuntime, SINGLETON_KEY } from '../../../../src/mock/crud/resources';
import { MockClock } from '../../../../src/mock/services/clock';
import { Store } from '../../../../src/state/store';
import { makeResource } from '../../helpers/model';

const schema: JsonSchema = {
  type: 'object',
  required: ['id', 'name', 'severity'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string', maxLength: 20 },
    severity: { enum: ['low', 'high'] },
  },
};

function runtime(overrides = {}, options: { seed?: number; maxSize?: number } = {}) {
  const store = new Store();
  const clock = new MockClock(store, Date.UTC(2025, 0, 1));
  return new ResourceRuntime(
    makeResource({ schema, ...overrides }),
    store,
    clock,
    options.seed ?? 1,
    options.maxSize,
  );
}

describe('ResourceRuntime', () => {
  it('completes an entity with the same generated fields for the same seed and entity', () => {
    const a = runtime().complete({ id: 'x' }, 'x');
    expect(a).toEqual(runtime().complete({ id: 'x' }, 'x'));
    expect(Object.keys(a).sort()).toEqual(['id', 'name', 'severity']);
    expect(['low', 'high']).toContain(a.severity);
    expect((a.name as string).length).toBeLessThanOrEqual(20);
    const otherSeeds = [2, 3, 4].map((seed) => runtime({}, { seed }).complete({ id: 'x' }, 'x'));
    expect(otherSeeds.some((e) => e.name !== a.name)).toBe(true);
  });

  it('keeps given fields and defaults over generated ones', () => {
    const r = runtime({ defaults: { severity: 'low' } });
    expect(r.complete({ id: 'x', name: 'given' }, 'x')).toEqual({ id: 'x', name: 'given', severity: 'low' });
  });

  it('says when the collection is full', () => {
    const r = runtime({}, { maxSize: 2 });
    r.collection.put('a', { id: 'a' });
    expect(r.fullMessage()).toBeUndefined();
    r.collection.put('b', { id: 'b' });
    expect(r.fullMessage()).toBe(
      'notes already holds the maximum of 2 entities; delete some or reset the mock',
    );
  });

  it('finds by key, by another field compared as text or by content, and a singleton under its one key', () => {
    const r = runtime();
    r.collection.put('a', { id: 'a', ref: 7, owner: { org: 1, user: 'u' } });
    expect(r.find('a')).toMatchObject({ id: 'a' });
    expect(r.find('7', 'ref')).toMatchObject({ id: 'a' });
    expect(r.find({ user: 'u', org: 1 }, 'owner')).toMatchObject({ id: 'a' });
    expect(r.find('8', 'ref')).toBeUndefined();
    const single = runtime({ name: 'settings', singleton: true, key: undefined });
    single.collection.put(SINGLETON_KEY, { mode: 'on' });
    expect(single.find('anything')).toEqual({ mode: 'on' });
    expect(single.keyOf({ mode: 'off' })).toBe(SINGLETON_KEY);
  });

  it('completes the required fields of every part of an allOf shape', () => {
    const parts: JsonSchema = {
      allOf: [
        { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', format: 'uuid' } } },
        { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      ],
    };
    const completed = runtime({ schema: parts }).complete({ name: 'kept' }, 'x');
    expect(completed.name).toBe('kept');
    expect(completed.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('a client-keyed resource generates no key', () => {
    expect(runtime({ id: { kind: 'client' } }).nextKey()).toBeUndefined();
  });

  it.each([
    ['a sequence', { kind: 'sequence', start: 5, step: 1 }, [6, 7], 8],
    ['a pattern', { kind: 'pattern', pattern: 'INC{n:3}', start: 1 }, ['INC002'], 'INC003'],
  ])('skips keys already stored in %s (an entity a seed file writes out)', (_, id, taken, expected) => {
    const resource = runtime({ id });
    const first = resource.nextKey();
    for (const key of taken) resource.collection.put(key, { id: key });
    expect(resource.nextKey()).toBe(expected);
    expect(first).not.toBe(expected);
  });
});
