/**
 * The mock's memory: named collections of JSON entities plus counters for generated ids. A tiny, pure
 * store (no HTTP, no spec knowledge) that can be snapshotted, restored and persisted.
 */
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

export class Collection {
  private readonly items = new Map<string, Entity>();

  constructor(
    readonly name: string,
    private readonly changed: () => void,
  ) {}

  get size(): number {
    return this.items.size;
  }

  list(): Entity[] {
    return [...this.items.values()];
  }

  entries(): Array<[string, Entity]> {
    return [...this.items.entries()];
  }

  get(key: unknown): Entity | undefined {
    return this.items.get(keyOf(key));
  }

  has(key: unknown): boolean {
    return this.items.has(keyOf(key));
  }

  find(predicate: (entity: Entity) => boolean): Entity | undefined {
    for (const entity of this.items.values()) if (predicate(entity)) return entity;
    return undefined;
  }

  /** Inserts or replaces; a replaced entity keeps its place in the listing order. */
  put(key: unknown, entity: Entity): void {
    this.items.set(keyOf(key), entity);
    this.changed();
  }

  remove(key: unknown): boolean {
    const removed = this.items.delete(keyOf(key));
    if (removed) this.changed();
    return removed;
  }

  clear(): void {
    this.items.clear();
    this.changed();
  }

  /** Loads entities without one change notification per entity (used by restore). */
  load(entries: Iterable<[string, Entity]>): void {
    this.items.clear();
    for (const [key, entity] of entries) this.items.set(key, entity);
  }
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  private counters: Record<string, number> = {};
  private listeners: Array<() => void> = [];
  /** Increases on every change; lets callers (persistence, caches) notice writes cheaply. */
  revision = 0;

  collection(name: string): Collection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection(name, () => this.touch());
      this.collections.set(name, collection);
    }
    return collection;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Returns the next value of a named counter, starting at `start`. */
  nextCounter(name: string, start: number, step = 1): number {
    const current = this.counters[name];
    const next = current === undefined ? start : current + step;
    this.counters[name] = next;
    this.touch();
    return next;
  }

  getCounter(name: string): number | undefined {
    return this.counters[name];
  }

  setCounter(name: string, value: number): void {
    this.counters[name] = value;
    this.touch();
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

  /** Replaces everything with a copy of the snapshot. */
  restore(snapshot: StoreSnapshot): void {
    this.collections.clear();
    for (const [name, entries] of Object.entries(snapshot.collections)) {
      this.collection(name).load(structuredClone(entries));
    }
    this.counters = { ...snapshot.counters };
    this.touch();
  }

  private touch(): void {
    this.revision++;
    for (const listener of this.listeners) listener();
  }
}
