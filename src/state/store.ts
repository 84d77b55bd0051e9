/**
 * The mock's memory: named collections of JSON entities plus counters for generated ids. A tiny, pure
 * store (no HTTP, no spec knowledge) that can be snapshotted, restored and persisted.
 */
import { StoreChanges, type Undo } from './changes';

export type Entity = Record<string, unknown>;

export interface StoreSnapshot {
  version: 1;
  /** [key, entity] pairs in listing order (object keys would reorder integer-like ids). */
  collections: Record<string, Array<[string, Entity]>>;
  counters: Record<string, number>;
}

/**
 * Keys are compared as text: the path parameter "42" and the stored id 42 are the same entity. Object keys
 * (Akto's TestingIssuesId) compare by content, whatever the order of their fields.
 */
export function keyOf(key: unknown): string {
  return key !== null && typeof key === 'object' ? stableStringify(key) : String(key);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How much the store holds at most; a write past a bound is refused whole (see Store.atomically). */
export interface StoreBounds {
  /** Entities one collection may hold. */
  maxEntities: number;
  /** Items one list of a stored entity may hold (notes, history, activity), at its top two levels. */
  maxListItems: number;
  /**
   * Bytes (as JSON text) that writes may add to what the store held when the bounds were set: a count of
   * entities alone lets a client fill memory with a few thousand entities of a megabyte each.
   */
  maxWrittenBytes: number;
}

const UNBOUNDED: StoreBounds = { maxEntities: Infinity, maxListItems: Infinity, maxWrittenBytes: Infinity };

/**
 * A write the store's bounds refuse. Thrown from inside the request's writes (at the write, or for the
 * list and byte bounds when its `atomically` ends), so that whatever the same request wrote is undone with
 * it: a behaviour need not check the bounds before each of its writes.
 */
export class StoreFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreFullError';
  }
}

/** What a collection shares with its store: change notices, the bounds, the undo list, the bytes written. */
interface StoreLedger {
  /** An entity of the collection was written or removed; without a key, the whole collection was cleared. */
  changed(collection: string, key: string | undefined, removed: boolean): void;
  readonly bounds: StoreBounds;
  /** The undo list of the current `atomically`, or undefined outside one. */
  readonly journal: Undo[] | undefined;
  /**
   * Inside an `atomically`, the entities written and not yet measured against the bounds, by collection:
   * measured once at its end, so an entity a request writes twice (created, then completed by a vendor
   * behaviour) is turned into JSON once.
   */
  readonly unmeasured: Map<Collection, Set<string>> | undefined;
  /** JSON bytes of the entities written since the bounds were set, store-wide. */
  writtenBytes: number;
  /**
   * While writes are made durable: the JSON text the bounds measured, by entity, until the next commit, so
   * that it does not turn the same entity into JSON again (a stored entity is replaced, never changed in
   * place). Emptied at each commit: kept longer, the texts would double the memory of what was written.
   */
  readonly texts: Map<Entity, string> | undefined;
}

const UNLEDGERED: StoreLedger = {
  changed: () => undefined,
  bounds: UNBOUNDED,
  journal: undefined,
  unmeasured: undefined,
  writtenBytes: 0,
  texts: undefined,
};

export class Collection {
  /** Built on first use from `shared` (a forked store's collection costs nothing until it is touched). */
  private itemsMap: Map<string, Entity> | undefined;
  /** Entries shared with the store this one was forked from; their entities are frozen. */
  private shared: ReadonlyArray<[string, Entity]> | undefined;
  private changes = 0;
  /** The JSON size of each entity written since the bounds were set (older ones are the baseline). */
  private readonly written = new Map<string, number>();

  constructor(
    readonly name: string,
    private readonly ledger: StoreLedger = UNLEDGERED,
  ) {}

  private get items(): Map<string, Entity> {
    if (!this.itemsMap) {
      this.itemsMap = new Map(this.shared ?? []);
      this.shared = undefined;
    }
    return this.itemsMap;
  }

  get size(): number {
    return this.itemsMap ? this.itemsMap.size : (this.shared?.length ?? 0);
  }

  /**
   * Moves on every change of this collection only (an undone one included): what is derived from one
   * collection (an index of its entities) stays valid while other collections change.
   */
  get revision(): number {
    return this.changes;
  }

  /**
   * What the collection's content is, for caches derived from it: while it still serves a shared snapshot's
   * entries, those entries (the same for every store sharing them, and frozen); once it has its own, the
   * collection itself at its revision.
   */
  contentIdentity(): { key: object; version: number } {
    return !this.itemsMap && this.shared
      ? { key: this.shared, version: 0 }
      : { key: this, version: this.changes };
  }

  // Reads of a whole collection use the shared entries as they are: a session that only lists the 5,000
  // threat events never builds a map of them.
  list(): Entity[] {
    return this.itemsMap || !this.shared ? [...this.items.values()] : this.shared.map(([, entity]) => entity);
  }

  entries(): Array<[string, Entity]> {
    return this.itemsMap || !this.shared ? [...this.items.entries()] : [...this.shared];
  }

  get(key: unknown): Entity | undefined {
    return this.items.get(keyOf(key));
  }

  has(key: unknown): boolean {
    return this.items.has(keyOf(key));
  }

  find(predicate: (entity: Entity) => boolean): Entity | undefined {
    if (!this.itemsMap && this.shared) return this.shared.find(([, entity]) => predicate(entity))?.[1];
    for (const entity of this.items.values()) if (predicate(entity)) return entity;
    return undefined;
  }

  /**
   * Inserts or replaces; a replaced entity keeps its place in the listing order. Throws StoreFullError
   * for a new entity in a full collection, an entity with a list longer than the bounds allow, or one that
   * would take the bytes written past their bound.
   */
  put(key: unknown, entity: Entity): void {
    const text = keyOf(key);
    const previous = this.items.get(text);
    const { maxEntities } = this.ledger.bounds;
    if (previous === undefined && this.items.size >= maxEntities)
      throw new StoreFullError(
        `${this.name} already holds the maximum of ${maxEntities} entities; delete some or reset the mock`,
      );
    const previousBytes = this.written.get(text);
    // Inside an `atomically` the entity is measured at its end (the whole request is refused there);
    // outside one, before it is stored, so a refused write changes nothing.
    const unmeasured = this.ledger.unmeasured;
    const bytes = unmeasured ? undefined : this.measured(text, entity, previousBytes);
    this.ledger.journal?.push(() => {
      this.restoreEntry(text, previous);
      this.account(text, previousBytes);
    });
    this.items.set(text, entity);
    if (unmeasured) {
      let keys = unmeasured.get(this);
      if (!keys) {
        keys = new Set();
        unmeasured.set(this, keys);
      }
      keys.add(text);
    } else this.account(text, bytes);
    this.changed(text, false);
  }

  /**
   * Measures an entity written inside an `atomically`, at its end (the store calls it): throws if it breaks
   * a bound, and the store then undoes the request.
   */
  settle(key: string): void {
    const entity = this.items.get(key);
    // Removed again by the same request: its removal already gave the bytes back.
    if (entity === undefined) return;
    const previousBytes = this.written.get(key);
    const bytes = this.measured(key, entity, previousBytes);
    this.ledger.journal?.push(() => this.account(key, previousBytes));
    this.account(key, bytes);
  }

  /**
   * The entity's JSON size (undefined when writes are unbounded: the fixtures being loaded), after checking
   * its lists and the bytes written against the bounds.
   */
  private measured(key: string, entity: Entity, previousBytes: number | undefined): number | undefined {
    const { maxListItems, maxWrittenBytes } = this.ledger.bounds;
    const long = longestList(entity, maxListItems);
    if (long)
      throw new StoreFullError(
        `${this.name} '${key}': ${long} would hold more than the maximum of ${maxListItems} items`,
      );
    if (maxWrittenBytes === Infinity) return undefined;
    const text = JSON.stringify(entity);
    this.ledger.texts?.set(entity, text);
    const bytes = text.length;
    const growth = bytes - (previousBytes ?? 0);
    if (growth > 0 && this.ledger.writtenBytes + growth > maxWrittenBytes)
      throw new StoreFullError(
        `the mock already holds ${megabytes(this.ledger.writtenBytes)} of written data, the most it keeps ` +
          `(${megabytes(maxWrittenBytes)}); delete some or reset the mock`,
      );
    return bytes;
  }

  remove(key: unknown): boolean {
    const text = keyOf(key);
    const previous = this.items.get(text);
    if (previous === undefined) return false;
    const previousBytes = this.written.get(text);
    // An undone removal puts the entity back at the end of the listing: order is not part of the undo.
    this.ledger.journal?.push(() => {
      this.items.set(text, previous);
      this.account(text, previousBytes);
      this.changes++;
    });
    this.items.delete(text);
    this.account(text, undefined);
    this.changed(text, true);
    return true;
  }

  clear(): void {
    const previous = [...this.items.entries()];
    const previousBytes = [...this.written.entries()];
    this.ledger.journal?.push(() => {
      this.load(previous);
      for (const [key, bytes] of previousBytes) this.account(key, bytes);
    });
    this.items.clear();
    for (const key of [...this.written.keys()]) this.account(key, undefined);
    this.changed();
  }

  private restoreEntry(key: string, previous: Entity | undefined): void {
    if (previous === undefined) this.items.delete(key);
    else this.items.set(key, previous);
    this.changes++;
  }

  private changed(key?: string, removed = false): void {
    this.changes++;
    this.ledger.changed(this.name, key, removed);
  }

  /** Records an entity's written size (undefined: not counted), keeping the store-wide total. */
  private account(key: string, bytes: number | undefined): void {
    this.ledger.writtenBytes += (bytes ?? 0) - (this.written.get(key) ?? 0);
    if (bytes === undefined) this.written.delete(key);
    else this.written.set(key, bytes);
  }

  /** Loads entities without one change notification per entity (used by restore). */
  load(entries: Iterable<[string, Entity]>): void {
    // What is loaded is the new baseline, not written data.
    this.ledger.unmeasured?.delete(this);
    this.items.clear();
    for (const key of [...this.written.keys()]) this.account(key, undefined);
    for (const [key, entity] of entries) this.items.set(key, entity);
    this.changes++;
  }

  /**
   * Serves the given entries without copying them: they belong to a snapshot other stores share, so they
   * must be frozen (a write replaces an entity, never changes it in place).
   */
  share(entries: ReadonlyArray<[string, Entity]>): void {
    this.ledger.unmeasured?.delete(this);
    this.itemsMap = undefined;
    this.shared = entries;
    for (const key of [...this.written.keys()]) this.account(key, undefined);
    this.changes++;
  }
}

/** The first list of the entity (top level, or one level down) longer than the bound, by its name. */
function longestList(entity: Entity, max: number): string | undefined {
  if (max === Infinity) return undefined;
  // Object.keys, not Object.entries: every write runs this, and the pairs were garbage at once.
  for (const name of Object.keys(entity)) {
    const value = entity[name];
    if (Array.isArray(value)) {
      if (value.length > max) return name;
    } else if (value !== null && typeof value === 'object') {
      const fields = value as Record<string, unknown>;
      for (const inner of Object.keys(fields)) {
        const nested = fields[inner];
        if (Array.isArray(nested) && nested.length > max) return `${name}.${inner}`;
      }
    }
  }
  return undefined;
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  private counters: Record<string, number> = {};
  private listeners: Array<() => void> = [];
  /** Where writes are made durable (a state file), and what changed since they last were. */
  private durable: Durable | undefined;
  /** Requests whose writes wait for the next group commit (see `persistWith`'s `grouped`). */
  private held: HeldWrites | undefined;
  /** Shared with every collection; `journal` is the undo list of the current `atomically`, newest last. */
  private readonly ledger: { -readonly [K in keyof StoreLedger]: StoreLedger[K] } = {
    changed: (collection, key, removed) => {
      const changes = this.durable?.changes;
      if (changes)
        this.note(
          key === undefined ? changes.collection(collection) : changes.entity(collection, key, removed),
        );
      this.touch();
    },
    bounds: UNBOUNDED,
    journal: undefined,
    unmeasured: undefined,
    writtenBytes: 0,
    texts: undefined,
  };
  /** Increases on every change; lets callers (persistence, caches) notice writes cheaply. */
  revision = 0;

  /** Bounds every later write (loading a snapshot or the fixtures is not bounded). */
  setBounds(bounds: StoreBounds): void {
    this.ledger.bounds = bounds;
  }

  /** JSON bytes written since the bounds were set or the store was last restored. */
  get writtenBytes(): number {
    return this.ledger.writtenBytes;
  }

  collection(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(name, this.ledger);
      this.collections.set(name, collection);
    }
    return collection;
  }

  /**
   * Makes every later write durable through `commit` before it counts as done: at the end of each outermost
   * `atomically` (one call for a request's writes), and right after a write made outside one. `commit` gets
   * what changed since it last returned and reads the values from the store; when it throws, the changes
   * stay noted for the next call (and an `atomically`'s writes are undone). Returns how to stop (what is
   * held is committed first).
   *
   * `grouped`: an `atomically` does not commit when it ends; its writes are held, and the writes of every
   * request that ended in the same event-loop turn are committed together once the turn's I/O is handled
   * (one transaction instead of one each). Whoever answers must wait for `committing` first, so that no
   * answer is sent before what it says is saved. A write outside `atomically` commits what is held with it.
   */
  persistWith(commit: (changes: StoreChanges) => void, options: { grouped?: boolean } = {}): () => void {
    this.commitHeldQuietly();
    const durable: Durable = { changes: new StoreChanges(), commit, grouped: options.grouped ?? false };
    this.durable = durable;
    this.ledger.texts = new Map();
    return () => {
      if (this.durable !== durable) return;
      this.commitHeldQuietly();
      this.durable = undefined;
      this.ledger.texts = undefined;
    };
  }

  /** The entity as JSON text, as a commit writes it: the text the bounds measured since the last commit, if any. */
  jsonOf(entity: Entity): string {
    return this.ledger.texts?.get(entity) ?? JSON.stringify(entity);
  }

  /**
   * Settles once every write made so far is durable; undefined when none waits. It rejects with the commit's
   * error when the writes could not be saved: they are undone then, and so is every write held with them.
   */
  get committing(): Promise<void> | undefined {
    return this.held?.committed;
  }

  /**
   * Runs the writes of one request as a whole: if it throws (a bound refused a write, or a bug), or they
   * cannot be made durable, every write it made is undone and the revision is as before, then the error
   * goes on to the caller. With grouped commits the commit comes later: its failure undoes the writes then
   * and reaches the caller through `committing`.
   */
  atomically<T>(work: () => T): T {
    if (this.ledger.journal) return work();
    const journal: Undo[] = [];
    const unmeasured = new Map<Collection, Set<string>>();
    const revision = this.revision;
    this.ledger.journal = journal;
    this.ledger.unmeasured = unmeasured;
    try {
      const result = work();
      // The bounds, for what the request wrote as it stands now; a write they refuse undoes the request.
      this.ledger.unmeasured = undefined;
      for (const [collection, keys] of unmeasured) for (const key of keys) collection.settle(key);
      // A request that wrote nothing commits nothing: not even what a failed commit left noted, so that
      // reads are still answered while the disk is full.
      if (journal.length > 0) {
        if (this.durable?.grouped) this.hold(journal);
        else this.makeDurable();
      }
      return result;
    } catch (error) {
      this.ledger.journal = undefined;
      this.ledger.unmeasured = undefined;
      for (const undo of journal.reverse()) undo();
      this.revision = revision;
      throw error;
    } finally {
      this.ledger.journal = undefined;
      this.ledger.unmeasured = undefined;
    }
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Returns the next value of a named counter, starting at `start`. */
  nextCounter(name: string, start: number, step = 1): number {
    const current = this.counters[name];
    const next = current === undefined ? start : current + step;
    this.ledger.journal?.push(() => this.restoreCounter(name, current));
    this.counters[name] = next;
    this.noteCounter(name);
    this.touch();
    return next;
  }

  getCounter(name: string): number | undefined {
    return this.counters[name];
  }

  setCounter(name: string, value: number): void {
    const current = this.counters[name];
    this.ledger.journal?.push(() => this.restoreCounter(name, current));
    this.counters[name] = value;
    this.noteCounter(name);
    this.touch();
  }

  /** Every counter and its value. */
  counterEntries(): Array<[string, number]> {
    return Object.entries(this.counters);
  }

  private restoreCounter(name: string, value: number | undefined): void {
    if (value === undefined) delete this.counters[name];
    else this.counters[name] = value;
  }

  onChange(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  snapshot(): StoreSnapshot {
    const collections: StoreSnapshot['collections'] = {};
    for (const [name, collection] of this.collections)
      collections[name] = structuredClone(collection.entries());
    return { version: 1, collections, counters: { ...this.counters } };
  }

  /**
   * Replaces everything with the snapshot itself, shared rather than copied: a session's world starts as
   * the fixtures at the cost of a few references. The snapshot must be frozen (see `freezeSnapshot`).
   */
  share(snapshot: StoreSnapshot): void {
    this.replaceEverything(snapshot, (collection, entries) => collection.share(entries));
  }

  /** Replaces everything with a copy of the snapshot. */
  restore(snapshot: StoreSnapshot): void {
    this.replaceEverything(snapshot, (collection, entries) => collection.load(structuredClone(entries)));
  }

  /**
   * Inside an `atomically` (an admin reset), what was there before can be put back: the replaced collections
   * are new objects, so the old ones, kept aside unchanged, are the undo. A reset whose commit fails thus
   * leaves the store as the file has it, like any other write.
   */
  private replaceEverything(
    snapshot: StoreSnapshot,
    fill: (collection: Collection, entries: Array<[string, Entity]>) => void,
  ): void {
    const journal = this.ledger.journal;
    if (journal) {
      const collections = [...this.collections];
      const { counters } = this;
      const { writtenBytes } = this.ledger;
      journal.push(() => {
        this.collections.clear();
        for (const [name, collection] of collections) this.collections.set(name, collection);
        this.counters = counters;
        this.ledger.writtenBytes = writtenBytes;
      });
    }
    this.collections.clear();
    // The new content is the new baseline of what writes add.
    this.ledger.writtenBytes = 0;
    for (const [name, entries] of Object.entries(snapshot.collections)) fill(this.collection(name), entries);
    this.counters = { ...snapshot.counters };
    if (this.durable) this.durable.changes.all = true;
    this.touch();
  }

  private touch(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
    // A write outside `atomically` is a request of its own (an admin call): durable before it returns.
    if (this.durable && !this.ledger.journal) this.makeDurable();
  }

  private noteCounter(name: string): void {
    if (this.durable) this.note(this.durable.changes.counter(name));
  }

  /** Keeps a change's note with the write: undoing the write takes the note back. */
  private note(undo: Undo | undefined): void {
    if (undo) this.ledger.journal?.push(undo);
  }

  /**
   * Commits what changed, with the writes held for the group commit: when the commit fails, every held
   * request's writes are undone (newest first, as each `atomically` undoes its own) before the error goes on.
   */
  private makeDurable(): void {
    const held = this.held;
    this.held = undefined;
    const durable = this.durable;
    try {
      if (durable && !durable.changes.empty) {
        durable.commit(durable.changes);
        durable.changes.clear();
      }
    } catch (error) {
      if (held) this.undoHeld(held, error);
      throw error;
    } finally {
      this.ledger.texts?.clear();
    }
    held?.settle();
  }

  /** Keeps a request's undo list until the group commit, which runs once this turn's I/O is handled. */
  private hold(journal: Undo[]): void {
    if (!this.held) {
      this.held = heldWrites();
      setImmediate(() => this.commitHeldQuietly());
    }
    this.held.journals.push(journal);
  }

  /** The group commit: its failure reaches the held requests through `committing`, not the caller. */
  private commitHeldQuietly(): void {
    if (!this.held) return;
    try {
      this.makeDurable();
    } catch {
      // Undone, and told to every request that waits on `committing`.
    }
  }

  private undoHeld(held: HeldWrites, error: unknown): void {
    for (const journal of held.journals.reverse()) for (const undo of journal.reverse()) undo();
    // Answers computed on the undone writes (a read cache keyed by revision) must not count as current.
    this.revision++;
    for (const listener of this.listeners) listener();
    held.settle(error);
  }
}

interface Durable {
  changes: StoreChanges;
  commit: (changes: StoreChanges) => void;
  grouped: boolean;
}

/** Requests answered but not yet durable: their undo lists, and the promise their answers wait for. */
interface HeldWrites {
  journals: Undo[][];
  committed: Promise<void>;
  settle(error?: unknown): void;
}

function heldWrites(): HeldWrites {
  let settle: (error?: unknown) => void = () => undefined;
  const committed = new Promise<void>((resolve, reject) => {
    settle = (error) => (error === undefined ? resolve() : reject(error));
  });
  // A batch nobody waits for (writes made in-process, without an answer) must not be an unhandled rejection.
  committed.catch(() => undefined);
  return { journals: [], committed, settle };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/**
 * Freezes a snapshot through and through, so that stores sharing it cannot change it: code that changed a
 * shared entity in place would throw instead of leaking the change into every other store.
 */
export function freezeSnapshot(snapshot: StoreSnapshot): StoreSnapshot {
  deepFreeze(snapshot.collections);
  return snapshot;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
