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

function durableStore(fail: () => boolean = () => false) {
  const store = new Store();
  const commits: Committed[] = [];
  const stop = store.persistWith((changes) => {
    if (fail()) throw new Error('disk full');
    commits.push(copy(changes));
  });
  return { store, commits, stop };
}

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

  it('stops committing once stopped', () => {
    const { store, commits, stop } = durableStore();
    stop();
    store.atomically(() => store.collection('notes').put('a', {}));
    expect(commits).toEqual([]);
  });
});
