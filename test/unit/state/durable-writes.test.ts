import { Store, type StoreChanges, StoreFullError } from '../../../src/state';

/** What one commit was given, copied (the store clears its notes once the commit returns). */
interface Committed {
  all: boolean;
  collections: string[];
  entities: Record<string, Array<[string, boolean]>>;
  counters: string[];
}

function copy(changes: StoreChanges): Committed {
  const entities: Committed['entities'] = {};
  for (const [name, keys] of changes.entities) if (keys.size > 0) entities[name] = [...keys.entries()];
  return {
    all: changes.all,
    collections: [...changes.collections],
    entities,
    counters: [...changes.counters],
  };
}

function durableStore(fail: () => boolean = () => false, options: { grouped?: boolean } = {}) {
  const store = new Store();
  const commits: Committed[] = [];
  const stop = store.persistWith((changes) => {
    if (fail()) throw new Error('disk full');
    commits.push(copy(changes));
  }, options);
  return { store, commits, stop };
}

/** Lets the event loop finish its turn, as the group commit waits for it to. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a store made durable', () => {
  it("commits a request's writes once, at the end of its atomically, with what it changed", () => {
    const { store, commits } = durableStore();
    store.atomically(() => {
      const notes = store.collection('notes');
      notes.put('a', { n: 1 });
      notes.put('a', { n: 2 });
      notes.put('b', { n: 1 });
      store.nextCounter('notes:id', 1);
      expect(commits).toHaveLength(0);
    });
    expect(commits).toEqual([
      {
        all: false,
        collections: [],
        entities: {
          notes: [
            ['a', false],
            ['b', false],
          ],
        },
        counters: ['notes:id'],
      },
    ]);
  });

  it('commits nothing for a request that changed nothing, nor for one whose writes were undone', () => {
    const { store, commits } = durableStore();
    store.atomically(() => store.collection('notes').get('a'));
    expect(() =>
      store.atomically(() => {
        store.collection('notes').put('a', { n: 1 });
        throw new StoreFullError('full');
      }),
    ).toThrow(StoreFullError);
    expect(commits).toEqual([]);
    store.atomically(() => store.collection('notes').put('b', {}));
    expect(commits.map((c) => c.entities)).toEqual([{ notes: [['b', false]] }]);
  });

  it('commits a write made outside atomically (an admin call) before it returns', () => {
    const { store, commits } = durableStore();
    store.setCounter('$clock', 5);
    expect(commits).toEqual([{ all: false, collections: [], entities: {}, counters: ['$clock'] }]);
  });

  it('notes a removal, so that a key written again after it goes to the end of the listing', () => {
    const { store, commits } = durableStore();
    store.collection('notes').put('a', {});
    store.atomically(() => {
      store.collection('notes').remove('a');
      store.collection('notes').put('a', {});
    });
    expect(commits[1]?.entities).toEqual({ notes: [['a', true]] });
  });

  it('notes a cleared collection whole, and a restore as everything', () => {
    const { store, commits } = durableStore();
    store.atomically(() => store.collection('notes').clear());
    store.restore({ version: 1, collections: {}, counters: {} });
    expect(commits.map((c) => [c.all, c.collections])).toEqual([
      [false, ['notes']],
      [true, []],
    ]);
  });

  it('undoes the writes of a request whose commit fails, and keeps the store as it was', () => {
    let failing = false;
    const { store, commits } = durableStore(() => failing);
    store.atomically(() => store.collection('notes').put('a', { n: 1 }));
    const revision = store.revision;
    failing = true;
    expect(() =>
      store.atomically(() => {
        store.collection('notes').put('a', { n: 2 });
        store.collection('notes').put('b', { n: 1 });
      }),
    ).toThrow('disk full');
    expect(store.collection('notes').entries()).toEqual([['a', { n: 1 }]]);
    expect(store.revision).toBe(revision);
    failing = false;
    store.atomically(() => store.collection('notes').put('c', {}));
    // The undone writes left no note behind: the next commit carries only its own.
    expect(commits.at(-1)?.entities).toEqual({ notes: [['c', false]] });
  });

  it('keeps the notes of a write outside atomically whose commit failed, for the next commit', () => {
    let failing = true;
    const { store, commits } = durableStore(() => failing);
    expect(() => store.setCounter('$clock', 5)).toThrow('disk full');
    failing = false;
    store.atomically(() => store.collection('notes').put('a', {}));
    expect(commits).toEqual([
      { all: false, collections: [], entities: { notes: [['a', false]] }, counters: ['$clock'] },
    ]);
  });

  it('does not commit the notes a failed commit left for a request that only reads', () => {
    let failing = true;
    let attempts = 0;
    const { store, commits } = durableStore(() => {
      attempts++;
      return failing;
    });
    expect(() => store.setCounter('$clock', 5)).toThrow('disk full');
    // The disk is still full: a read is answered, and does not try the commit again.
    expect(store.atomically(() => store.collection('notes').size)).toBe(0);
    expect(attempts).toBe(1);
    failing = false;
    store.atomically(() => store.collection('notes').put('a', {}));
    expect(commits).toHaveLength(1);
  });

  it('stops committing once stopped', () => {
    const { store, commits, stop } = durableStore();
    stop();
    store.atomically(() => store.collection('notes').put('a', {}));
    expect(commits).toEqual([]);
  });
});

describe('a store whose commits are grouped', () => {
  const grouped = (fail: () => boolean = () => false) => durableStore(fail, { grouped: true });
  const put = (store: Store, key: string, entity: Record<string, unknown>) =>
    store.atomically(() => {
      store.collection('notes').put(key, entity);
      store.nextCounter('notes:id', 1);
    });

  it("commits the requests of one event-loop turn together, after the turn's I/O", async () => {
    const { store, commits } = grouped();
    put(store, 'a', { n: 1 });
    put(store, 'b', { n: 1 });
    put(store, 'a', { n: 2 });
    expect(commits).toEqual([]);
    const committing = store.committing;
    expect(committing).toBeInstanceOf(Promise);
    await committing;
    expect(commits).toEqual([
      {
        all: false,
        collections: [],
        entities: {
          notes: [
            ['a', false],
            ['b', false],
          ],
        },
        counters: ['notes:id'],
      },
    ]);
    expect(store.committing).toBeUndefined();
    put(store, 'c', {});
    await store.committing;
    expect(commits.map((c) => c.entities)).toEqual([
      {
        notes: [
          ['a', false],
          ['b', false],
        ],
      },
      { notes: [['c', false]] },
    ]);
  });

  it('holds nothing for a request that changed nothing', () => {
    const { store } = grouped();
    store.atomically(() => store.collection('notes').get('a'));
    expect(store.committing).toBeUndefined();
  });

  it("undoes every held request's writes when their commit fails, and says so to whoever waits", async () => {
    let failing = false;
    const { store, commits } = grouped(() => failing);
    put(store, 'a', { n: 1 });
    await store.committing;
    const revision = store.revision;
    failing = true;
    put(store, 'a', { n: 2 });
    put(store, 'b', { n: 1 });
    store.atomically(() => store.collection('notes').remove('a'));
    const committing = store.committing;
    await expect(committing).rejects.toThrow('disk full');
    expect(store.collection('notes').entries()).toEqual([['a', { n: 1 }]]);
    expect(store.getCounter('notes:id')).toBe(1);
    // Not the revision before: answers kept at the revisions in between showed the undone writes.
    expect(store.revision).toBeGreaterThan(revision);
    failing = false;
    put(store, 'c', {});
    await store.committing;
    // The undone writes left no note behind: the next commit carries only its own.
    expect(commits.at(-1)).toEqual({
      all: false,
      collections: [],
      entities: { notes: [['c', false]] },
      counters: ['notes:id'],
    });
  });

  it('puts back what a reset replaced when the batch holding it cannot be saved', async () => {
    let failing = false;
    const { store, commits } = grouped(() => failing);
    put(store, 'a', { n: 1 });
    await store.committing;
    failing = true;
    store.atomically(() => store.restore({ version: 1, collections: { other: [['x', {}]] }, counters: {} }));
    put(store, 'b', {});
    await expect(store.committing).rejects.toThrow('disk full');
    expect(store.collectionNames()).toEqual(['notes']);
    expect(store.collection('notes').entries()).toEqual([['a', { n: 1 }]]);
    expect(store.getCounter('notes:id')).toBe(1);
    failing = false;
    put(store, 'c', {});
    await store.committing;
    // What the file holds is not known after a failed whole rewrite: the next commit writes everything.
    expect(commits.at(-1)?.all).toBe(true);
  });

  it('commits what is held with a write made outside atomically, before that write returns', async () => {
    const { store, commits } = grouped();
    put(store, 'a', {});
    const committing = store.committing;
    store.setCounter('$clock', 5);
    expect(commits).toEqual([
      { all: false, collections: [], entities: { notes: [['a', false]] }, counters: ['notes:id', '$clock'] },
    ]);
    await expect(committing).resolves.toBeUndefined();
    expect(store.committing).toBeUndefined();
    await nextTurn();
    expect(commits).toHaveLength(1);
  });

  it('commits what is held when it stops, and nothing after', async () => {
    const { store, commits, stop } = grouped();
    put(store, 'a', {});
    stop();
    expect(commits.map((c) => c.entities)).toEqual([{ notes: [['a', false]] }]);
    put(store, 'b', {});
    expect(store.committing).toBeUndefined();
    await nextTurn();
    expect(commits).toHaveLength(1);
  });

  it('does not turn a failed batch that nobody waits for into an unhandled rejection', async () => {
    const { store } = grouped(() => true);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      put(store, 'a', {});
      await nextTurn();
      await nextTurn();
      expect(store.collection('notes').has('a')).toBe(false);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
