import { freezeSnapshot, keyOf, Store, StoreFullError } from '../../../src/state/store';

describe('keyOf', () => {
  it.each([
    [42, '42'],
    ['42', '42'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('%j is the text %j', (key, text) => {
    expect(keyOf(key)).toBe(text);
  });

  it('compares objects by content, whatever the order of their fields', () => {
    expect(keyOf({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      keyOf({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
    expect(keyOf({ a: 1 })).not.toBe(keyOf({ a: '1' }));
    expect(keyOf([1, 2])).not.toBe(keyOf([2, 1]));
  });
});

describe('Collection', () => {
  it('finds an entity by its key as text: the path parameter "42" is the stored id 42', () => {
    const items = new Store().collection('items');
    items.put(42, { id: 42 });
    expect(items.get('42')).toEqual({ id: 42 });
    expect(items.has('42')).toBe(true);
    expect(items.remove('42')).toBe(true);
    expect(items.size).toBe(0);
  });

  it('finds an entity with an object key by content', () => {
    const issues = new Store().collection('issues');
    issues.put({ apiCollectionId: 1, url: '/a', method: 'GET' }, { title: 'x' });
    expect(issues.get({ method: 'GET', url: '/a', apiCollectionId: 1 })).toEqual({ title: 'x' });
    expect(issues.get({ method: 'POST', url: '/a', apiCollectionId: 1 })).toBeUndefined();
  });

  it('keeps the listing order when an entity is replaced, and puts new ones last', () => {
    const items = new Store().collection('items');
    for (const id of [3, 1, 2]) items.put(id, { id, v: 'first' });
    items.put(1, { id: 1, v: 'second' });
    items.put(10, { id: 10 });
    expect(items.list()).toEqual([
      { id: 3, v: 'first' },
      { id: 1, v: 'second' },
      { id: 2, v: 'first' },
      { id: 10 },
    ]);
    expect(items.entries().map(([key]) => key)).toEqual(['3', '1', '2', '10']);
  });

  it('find() answers the first match in listing order', () => {
    const items = new Store().collection('items');
    items.put('a', { n: 1 });
    items.put('b', { n: 2 });
    items.put('c', { n: 2, last: true });
    expect(items.find((e) => e.n === 2)).toEqual({ n: 2 });
    expect(items.find((e) => e.n === 3)).toBeUndefined();
  });

  it('the same name is the same collection', () => {
    const store = new Store();
    store.collection('a').put(1, {});
    expect(store.collection('a').size).toBe(1);
    expect(store.collectionNames()).toEqual(['a']);
  });
});

describe('Store', () => {
  it('counts from the start by the step', () => {
    const store = new Store();
    expect([1, 2, 3].map(() => store.nextCounter('ids', 100, 5))).toEqual([100, 105, 110]);
    expect(store.nextCounter('other', 1)).toBe(1);
    expect(store.getCounter('ids')).toBe(110);
    expect(store.getCounter('nope')).toBeUndefined();
    store.setCounter('ids', 7);
    expect(store.nextCounter('ids', 100)).toBe(8);
  });

  it('moves its revision on every change and only then', () => {
    const store = new Store();
    const items = store.collection('items');
    const changes: Array<[string, () => unknown]> = [
      ['put', () => items.put(1, {})],
      ['replace', () => items.put(1, { v: 2 })],
      ['remove', () => items.remove(1)],
      ['clear', () => items.clear()],
      ['nextCounter', () => store.nextCounter('c', 1)],
      ['setCounter', () => store.setCounter('c', 5)],
      ['restore', () => store.restore(store.snapshot())],
    ];
    for (const [name, change] of changes) {
      const before = store.revision;
      change();
      expect([name, store.revision > before]).toEqual([name, true]);
    }
    const before = store.revision;
    items.remove('not there');
    items.get(1);
    items.list();
    store.snapshot();
    store.collection('another');
    expect(store.revision).toBe(before);
  });

  it('tells its listeners of every change until they unsubscribe', () => {
    const store = new Store();
    let calls = 0;
    const unsubscribe = store.onChange(() => calls++);
    store.collection('a').put(1, {});
    store.nextCounter('n', 1);
    expect(calls).toBe(2);
    unsubscribe();
    store.collection('a').put(2, {});
    expect(calls).toBe(2);
  });

  it('a snapshot is a copy: later changes on either side do not reach the other', () => {
    const store = new Store();
    const entity = { id: 1, tags: ['a'] };
    store.collection('items').put(1, entity);
    store.nextCounter('ids', 1);
    const snapshot = store.snapshot();
    entity.tags.push('changed in the store');
    store.collection('items').put(2, { id: 2 });
    store.nextCounter('ids', 1);
    expect(snapshot).toEqual({
      version: 1,
      collections: { items: [['1', { id: 1, tags: ['a'] }]] },
      counters: { ids: 1 },
    });
  });

  it('restore brings back the collections, their order and the counters, and drops what came after', () => {
    const store = new Store();
    for (const id of [5, 1, 3]) store.collection('items').put(id, { id });
    store.nextCounter('ids', 10);
    const snapshot = store.snapshot();
    store.collection('items').remove(1);
    store.collection('later').put('x', {});
    store.nextCounter('ids', 10);
    store.restore(snapshot);
    expect(store.collection('items').list()).toEqual([{ id: 5 }, { id: 1 }, { id: 3 }]);
    expect(store.collectionNames()).toEqual(['items']);
    expect(store.getCounter('ids')).toBe(10);
  });

  it('a restored store does not share entities with the snapshot it came from', () => {
    const store = new Store();
    store.collection('items').put(1, { id: 1, tags: ['a'] });
    const snapshot = store.snapshot();
    store.restore(snapshot);
    (store.collection('items').get(1)?.tags as string[]).push('b');
    expect(snapshot.collections.items[0][1]).toEqual({ id: 1, tags: ['a'] });
    store.restore(snapshot);
    expect(store.collection('items').get(1)).toEqual({ id: 1, tags: ['a'] });
  });

  it('a snapshot keeps integer-like keys in listing order', () => {
    const store = new Store();
    for (const id of ['10', '2', 'b', '1']) store.collection('items').put(id, { id });
    const restored = new Store();
    restored.restore(JSON.parse(JSON.stringify(store.snapshot())));
    expect(
      restored
        .collection('items')
        .list()
        .map((e) => e.id),
    ).toEqual(['10', '2', 'b', '1']);
  });
});

describe('bounds and whole writes', () => {
  function boundedStore(maxEntities: number, maxListItems: number, maxWrittenBytes = Infinity): Store {
    const store = new Store();
    store.collection('items').put('seeded', { id: 'seeded', notes: [] });
    store.setBounds({ maxEntities, maxListItems, maxWrittenBytes });
    return store;
  }

  it('refuses a new entity in a full collection, but still replaces a stored one', () => {
    const store = boundedStore(2, 10);
    const items = store.collection('items');
    items.put('a', { id: 'a' });
    expect(() => items.put('b', { id: 'b' })).toThrow(
      new StoreFullError('items already holds the maximum of 2 entities; delete some or reset the mock'),
    );
    items.put('a', { id: 'a', changed: true });
    expect(items.get('a')).toEqual({ id: 'a', changed: true });
    expect(items.size).toBe(2);
  });

  it('refuses an entity whose list, at the top or one level down, passes the bound', () => {
    const store = boundedStore(10, 2);
    const items = store.collection('items');
    items.put('ok', { notes: [1, 2], meta: { tags: ['x', 'y'] } });
    expect(() => items.put('ok', { notes: [1, 2, 3] })).toThrow("items 'ok': notes would hold more");
    expect(() => items.put('ok', { meta: { tags: [1, 2, 3] } })).toThrow(
      "items 'ok': meta.tags would hold more",
    );
    expect(items.get('ok')).toEqual({ notes: [1, 2], meta: { tags: ['x', 'y'] } });
  });

  it('undoes every write of a piece of work that throws, counters and revision included', () => {
    const store = boundedStore(3, 10);
    const items = store.collection('items');
    const other = store.collection('other');
    store.nextCounter('ids', 1);
    const revision = store.revision;
    expect(() =>
      store.atomically(() => {
        items.put('seeded', { id: 'seeded', notes: ['changed'] });
        other.put('x', { id: 'x' });
        items.remove('seeded');
        store.nextCounter('ids', 1);
        store.setCounter('fresh', 5);
        items.put('a', { id: 'a' });
        items.put('b', { id: 'b' });
        items.put('c', { id: 'c' });
        items.put('d', { id: 'd' });
      }),
    ).toThrow(StoreFullError);
    expect(items.entries()).toEqual([['seeded', { id: 'seeded', notes: [] }]]);
    expect(other.size).toBe(0);
    expect(store.getCounter('ids')).toBe(1);
    expect(store.getCounter('fresh')).toBeUndefined();
    expect(store.revision).toBe(revision);
  });

  it('undoes a restore made by a piece of work that throws, with the writes before and after it', () => {
    const store = boundedStore(3, 10);
    const items = store.collection('items');
    store.nextCounter('ids', 1);
    const written = store.writtenBytes;
    expect(() =>
      store.atomically(() => {
        items.put('a', { id: 'a' });
        store.restore({ version: 1, collections: { fresh: [['f', { id: 'f' }]] }, counters: { ids: 9 } });
        store.collection('fresh').put('g', { id: 'g' });
        store.collection('items').put('b', { id: 'b' });
        throw new StoreFullError('refused');
      }),
    ).toThrow(StoreFullError);
    expect(store.collectionNames()).toEqual(['items']);
    expect(store.collection('items').entries()).toEqual([['seeded', { id: 'seeded', notes: [] }]]);
    expect(store.getCounter('ids')).toBe(1);
    expect(store.writtenBytes).toBe(written);
  });

  it('keeps the writes of work that ends normally, and of work nested in it', () => {
    const store = boundedStore(10, 10);
    const result = store.atomically(() => {
      store.collection('items').put('a', { id: 'a' });
      return store.atomically(() => store.nextCounter('ids', 7));
    });
    expect(result).toBe(7);
    expect(store.collection('items').has('a')).toBe(true);
  });

  it('counts the bytes writes add, refuses what passes the bound, and frees what is replaced or removed', () => {
    const store = boundedStore(100, 10, 100);
    const items = store.collection('items');
    items.put('a', { text: 'x'.repeat(40) });
    expect(store.writtenBytes).toBe(JSON.stringify({ text: 'x'.repeat(40) }).length);
    expect(() => items.put('b', { text: 'y'.repeat(60) })).toThrow(
      'the mock already holds 0.0 MB of written data, the most it keeps (0.0 MB); delete some or reset the mock',
    );
    items.put('a', { text: 'short' });
    items.put('b', { text: 'y'.repeat(60) });
    expect(store.writtenBytes).toBe(16 + 71);
    items.remove('b');
    expect(store.writtenBytes).toBe(16);
    // An undone write gives its bytes back too.
    expect(() =>
      store.atomically(() => {
        items.put('c', { text: 'z'.repeat(50) });
        throw new Error('a bug after the write');
      }),
    ).toThrow('a bug after the write');
    expect(store.writtenBytes).toBe(16);
    expect(items.has('c')).toBe(false);
  });

  it('measures what a piece of work leaves each entity as, once, and refuses the work if it ends past a bound', () => {
    const store = boundedStore(100, 2, 100);
    const items = store.collection('items');
    // Past the byte bound on the way, within it at the end: the work stands, counted as it ends.
    store.atomically(() => {
      items.put('a', { text: 'x'.repeat(150) });
      items.put('a', { text: 'short' });
    });
    expect(items.get('a')).toEqual({ text: 'short' });
    expect(store.writtenBytes).toBe(JSON.stringify({ text: 'short' }).length);
    // Within the bounds on the way, past one at the end: the whole work is undone.
    const revision = store.revision;
    expect(() =>
      store.atomically(() => {
        items.put('b', { text: 'fine' });
        items.put('a', { text: 'y'.repeat(150) });
      }),
    ).toThrow('the mock already holds');
    expect(() =>
      store.atomically(() => {
        items.put('a', { notes: [1] });
        items.put('a', { notes: [1, 2, 3] });
      }),
    ).toThrow("items 'a': notes would hold more");
    expect(items.get('a')).toEqual({ text: 'short' });
    expect(items.has('b')).toBe(false);
    expect(store.writtenBytes).toBe(JSON.stringify({ text: 'short' }).length);
    expect(store.revision).toBe(revision);
  });

  it('moves the revision of a collection on its own changes only, an undone one included', () => {
    const store = boundedStore(2, 10);
    const items = store.collection('items');
    const other = store.collection('other');
    const start = items.revision;
    other.put('x', { id: 'x' });
    expect(items.revision).toBe(start);
    items.put('a', { id: 'a' });
    items.remove('a');
    expect(items.revision).toBe(start + 2);
    expect(() =>
      store.atomically(() => {
        items.put('b', { id: 'b' });
        items.put('c', { id: 'c' });
      }),
    ).toThrow(StoreFullError);
    expect(items.revision).toBeGreaterThan(start + 2);
    expect(items.has('b')).toBe(false);
  });
});

describe('stores that share a frozen snapshot', () => {
  function seeded(): Store {
    const store = new Store();
    store.collection('items').put('a', { id: 'a', tags: ['x'] });
    store.collection('items').put('b', { id: 'b', tags: [] });
    store.nextCounter('ids', 1);
    return store;
  }

  it('serve the snapshot without copying, and write only to themselves', () => {
    const snapshot = freezeSnapshot(seeded().snapshot());
    const first = new Store();
    const second = new Store();
    first.share(snapshot);
    second.share(snapshot);
    expect(first.collection('items').size).toBe(2);
    first.collection('items').put('a', { id: 'a', tags: ['changed'] });
    first.collection('items').remove('b');
    first.nextCounter('ids', 1);
    expect(first.collection('items').entries()).toEqual([['a', { id: 'a', tags: ['changed'] }]]);
    expect(second.collection('items').entries()).toEqual([
      ['a', { id: 'a', tags: ['x'] }],
      ['b', { id: 'b', tags: [] }],
    ]);
    expect(second.getCounter('ids')).toBe(1);
    expect(snapshot.collections.items).toHaveLength(2);
  });

  it('refuse a change made in place to a shared entity rather than leak it to the others', () => {
    const snapshot = freezeSnapshot(seeded().snapshot());
    const store = new Store();
    store.share(snapshot);
    const shared = store.collection('items').get('a') as { tags: string[] };
    expect(() => shared.tags.push('leak')).toThrow(/not extensible/);
    expect(snapshot.collections.items[0][1]).toEqual({ id: 'a', tags: ['x'] });
  });
});
