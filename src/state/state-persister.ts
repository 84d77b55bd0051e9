import type { StoreChanges } from './changes';
import type { Database } from './sqlite-driver';
import { writeSnapshot } from './state-db';
import { StateFileError } from './state-file-error';
import type { Store, StoreSnapshot } from './store';

/**
 * Makes a store's writes durable in its SQLite state file before the request is answered. By default what a
 * request changed is written in one transaction when its writes end (better-sqlite3 is synchronous, so the
 * caller waits for the commit); `groupCommits` writes the requests of one event-loop turn in one transaction
 * and their answers wait for it (`Store.committing`). A request that changed nothing writes nothing.
 * Sessions' stores are never attached: a state file keeps the shared world only.
 */
export class StatePersister {
  private detach: (() => void) | undefined;
  private readonly upsert;
  private readonly deleteEntity;
  private readonly deleteCollection;
  private readonly upsertCounter;
  private readonly deleteCounter;
  /** One transaction around whatever it is given (better-sqlite3 rolls it back when the work throws). */
  private readonly inTransaction;

  constructor(
    private readonly db: Database,
    private readonly path: string,
  ) {
    // A replaced entity keeps its row, hence its place in the listing (position); a new one goes last.
    this.upsert = db.prepare(
      'INSERT INTO entity (collection, key, value) VALUES (?, ?, ?) ' +
        'ON CONFLICT (collection, key) DO UPDATE SET value = excluded.value',
    );
    this.deleteEntity = db.prepare('DELETE FROM entity WHERE collection = ? AND key = ?');
    this.deleteCollection = db.prepare('DELETE FROM entity WHERE collection = ?');
    this.upsertCounter = db.prepare(
      'INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.deleteCounter = db.prepare('DELETE FROM counter WHERE name = ?');
    this.inTransaction = db.transaction((work: () => void) => work());
  }

  /**
   * Makes the store's later writes durable here, instead of another store's (a `--watch` reload builds a
   * new one). `whole`: first write everything it holds (the fixtures of a fresh file, a reloaded store).
   * `groupCommits`: for callers that wait for `store.committing` before they answer (the mock's requests).
   */
  attach(store: Store, whole: boolean, options: { groupCommits?: boolean } = {}): void {
    this.detach?.();
    if (whole) this.transaction(() => writeSnapshot(this.db, liveSnapshot(store)));
    this.detach = store.persistWith((changes) => this.transaction(() => this.write(store, changes)), {
      grouped: options.groupCommits,
    });
  }

  /**
   * Saves what is held for the group commit, stops saving, folds the write-ahead log into the file (a clean
   * stop leaves one file) and closes it.
   */
  close(): void {
    this.detach?.();
    this.detach = undefined;
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private transaction(work: () => void): void {
    try {
      this.inTransaction(work);
    } catch (error) {
      throw new StateFileError(
        `--state-file ${this.path}: a change could not be saved, so it was not made (${(error as Error).message})`,
      );
    }
  }

  private write(store: Store, changes: StoreChanges): void {
    if (changes.all) return writeSnapshot(this.db, liveSnapshot(store));
    for (const name of changes.collections) {
      this.deleteCollection.run(name);
      for (const [key, entity] of store.collection(name).entries())
        this.upsert.run(name, key, store.jsonOf(entity));
    }
    for (const [name, keys] of changes.entities) {
      if (changes.collections.has(name)) continue;
      const collection = store.collection(name);
      for (const [key, removed] of keys) {
        const entity = collection.get(key);
        if (removed || entity === undefined) this.deleteEntity.run(name, key);
        if (entity !== undefined) this.upsert.run(name, key, store.jsonOf(entity));
      }
    }
    for (const name of changes.counters) {
      const value = store.getCounter(name);
      if (value === undefined) this.deleteCounter.run(name);
      else this.upsertCounter.run(name, value);
    }
  }
}

/** The store's content as a snapshot that shares its entities (written out at once, never kept). */
function liveSnapshot(store: Store): StoreSnapshot {
  const collections: StoreSnapshot['collections'] = {};
  for (const name of store.collectionNames()) collections[name] = store.collection(name).entries();
  return { version: 1, collections, counters: Object.fromEntries(store.counterEntries()) };
}
