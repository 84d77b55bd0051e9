/**
 * What a store changed since it was last made durable, by name only: the persister reads the current values
 * from the store when it writes, so an entity written ten times in one request is written once.
 */
export type Undo = () => void;

export class StoreChanges {
  /** Everything was replaced (a restore or a reset): the whole store is written again. */
  all = false;
  /** Collections replaced whole (cleared): their rows are written again. */
  readonly collections = new Set<string>();
  /**
   * Per collection, the keys written or removed; `true` when the key was removed at some point, so that
   * its row is deleted first and a key written again after its removal goes to the end of the listing, as
   * it does in memory.
   */
  readonly entities = new Map<string, Map<string, boolean>>();
  readonly counters = new Set<string>();

  get empty(): boolean {
    if (this.all || this.collections.size > 0 || this.counters.size > 0) return false;
    for (const keys of this.entities.values()) if (keys.size > 0) return false;
    return true;
  }

  /**
   * Notes an entity written or removed. Returns how to take the note back when the write is undone (a
   * request that changed nothing in the end writes nothing), or undefined when the note was already there.
   */
  entity(collection: string, key: string, removed: boolean): Undo | undefined {
    let keys = this.entities.get(collection);
    if (!keys) {
      keys = new Map();
      this.entities.set(collection, keys);
    }
    const before = keys.get(key);
    const after = removed || before === true;
    if (before === after) return undefined;
    const noted = keys;
    noted.set(key, after);
    return () => (before === undefined ? noted.delete(key) : noted.set(key, before));
  }

  collection(name: string): Undo | undefined {
    if (this.collections.has(name)) return undefined;
    this.collections.add(name);
    return () => this.collections.delete(name);
  }

  counter(name: string): Undo | undefined {
    if (this.counters.has(name)) return undefined;
    this.counters.add(name);
    return () => this.counters.delete(name);
  }

  clear(): void {
    this.all = false;
    this.collections.clear();
    this.entities.clear();
    this.counters.clear();
  }
}
