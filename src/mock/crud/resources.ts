import {
  FakerPool,
  formatPattern,
  generateFromSchema,
  hashSeed,
  mergeAllOf,
  placeScope,
  seededUuid,
} from '../../generate';
import type { JsonSchema, ResourceSpec } from '../../openapi';
import { keyOf, type Collection, type Entity, type Store } from '../../state';
import { formatTime, type MockClock } from '../services/clock';
import { keepStoredSecrets, maskSecrets, secretPaths, type SecretPath } from './secrets';

export const SINGLETON_KEY = '$';
export { MASK } from './secrets';

/** A resource's behaviour over the store: keys, defaults, timestamps, secrets. Built once per resource. */
export class ResourceRuntime {
  private readonly secrets: SecretPath[];

  constructor(
    readonly spec: ResourceSpec,
    private readonly store: Store,
    private readonly clock: MockClock,
    private readonly seed: number,
    private readonly maxSize = 50_000,
    private readonly fakers: FakerPool = new FakerPool(),
  ) {
    this.secrets = secretPaths(spec.secrets);
  }

  /** A full collection refuses creates: a long run or a fuzzer cannot grow memory without bound. */
  fullMessage(): string | undefined {
    if (this.collection.size < this.maxSize) return undefined;
    return `${this.spec.name} already holds the maximum of ${this.maxSize} entities; delete some or reset the mock`;
  }

  get name(): string {
    return this.spec.name;
  }

  get collection(): Collection {
    return this.store.collection(this.spec.name);
  }

  keyOf(entity: Entity): unknown {
    return this.spec.singleton ? SINGLETON_KEY : entity[this.spec.key as string];
  }

  /** Finds by the key, or by another field (`by`) when the lookup is not by key. */
  find(id: unknown, by?: string): Entity | undefined {
    if (this.spec.singleton) return this.collection.get(SINGLETON_KEY);
    if (by === undefined || by === this.spec.key) return this.collection.get(id);
    return this.collection.find((e) => keyOf(e[by]) === keyOf(id));
  }

  /** The next generated key; client-chosen keys come from the request instead. */
  nextKey(): unknown {
    // A key already stored (one a seed file writes out, as the vendor's documentation prints it) is skipped,
    // never overwritten.
    let key = this.drawKey();
    while (key !== undefined && this.collection.has(key)) key = this.drawKey();
    return key;
  }

  private drawKey(): unknown {
    const id = this.spec.id;
    const counter = `${this.spec.name}:id`;
    switch (id.kind) {
      case 'uuid':
        return seededUuid(this.seed, this.spec.name, this.store.nextCounter(counter, 1));
      case 'sequence':
        return this.store.nextCounter(counter, id.start, id.step);
      case 'pattern':
        return formatPattern(id.pattern, this.store.nextCounter(counter, id.start));
      case 'client':
        return undefined;
    }
  }

  /** Fills defaults, then any required field the stored schema demands and the request did not give. */
  complete(entity: Entity, seedPart: unknown): Entity {
    const completed: Entity = { ...this.spec.defaults, ...entity };
    const schema = this.storedShape();
    // The stamps are set right after (stampCreated): generating them first would be thrown away.
    const stamped = (field: string) => field === this.spec.created || field === this.spec.updated;
    const missing = (schema?.required ?? []).filter(
      (field) => completed[field] === undefined && !stamped(field),
    );
    if (missing.length === 0) return completed;
    const faker = this.fakers.acquire(hashSeed(this.seed, this.spec.name, String(seedPart)));
    // One place for the entity: the fields completed one by one still agree (an address and its country).
    const ctx = { faker, now: this.clock.now(), maxDepth: 2, place: placeScope(faker) };
    for (const field of missing) {
      completed[field] = generateFromSchema(schema?.properties?.[field], ctx, field);
    }
    return completed;
  }

  private shape?: (JsonSchema & { required?: string[]; properties?: Record<string, JsonSchema> }) | null;

  /** The stored shape, an allOf of a summary and a detail merged (its required fields are the parts'), once. */
  private storedShape() {
    if (this.shape === undefined)
      this.shape = this.spec.schema
        ? (mergeAllOf(this.spec.schema as JsonSchema & Record<string, unknown>) as NonNullable<
            typeof this.shape
          >)
        : null;
    return this.shape ?? undefined;
  }

  now(): string | number {
    return formatTime(this.clock.now(), this.spec.clock);
  }

  stampCreated(entity: Entity): void {
    if (this.spec.created) entity[this.spec.created] = this.now();
    if (this.spec.updated) entity[this.spec.updated] = this.now();
  }

  stampUpdated(entity: Entity): void {
    if (this.spec.updated) entity[this.spec.updated] = this.now();
  }

  /** Secrets are answered masked; the stored value is kept (the vendor keeps it too). */
  mask(entity: Entity): Entity {
    return this.secrets.length === 0 ? entity : maskSecrets(entity, this.secrets);
  }

  /** An update's patch with the secrets it sent back masked (or empty) replaced by the stored ones. */
  keepStoredSecrets(patch: Entity, stored: Entity): Entity {
    return keepStoredSecrets(patch, stored, this.secrets);
  }
}
