import { applyRule, createFaker, generateFromSchema, hashSeed } from '../../generate';
import type { Entity, Store } from '../../state';
import type { ResourceRuntime } from '../crud/resources';
import type { CredentialControl, SeedGenerator } from '../plugin';
import { formatTime, type MockClock } from '../services/clock';
import type { SeedCollection, SeedFile } from './seed-file';

/**
 * Fills the store from the seed files, in order (a collection can reference earlier ones): first each
 * file's collections, then its generators. Same seed, same data. The names were resolved at start-up
 * (bind.ts), so nothing here can meet an unknown resource or generator.
 */
export interface PopulateInput {
  seeds: readonly SeedFile[];
  generatorOf(seed: SeedFile, name: string): SeedGenerator;
  store: Store;
  seed: number;
  clock: MockClock;
  resource(name: string): ResourceRuntime | undefined;
  credentials: CredentialControl;
}

export function populateStore(input: PopulateInput): void {
  for (const seedFile of input.seeds) {
    for (const [name, collection] of Object.entries(seedFile.collections)) {
      const resource = input.resource(name) as ResourceRuntime;
      generateCollection(input, resource, collection);
      for (const entity of collection.entities ?? []) storeWritten(resource, entity);
    }
    for (const generator of seedFile.generators) {
      const run = input.generatorOf(seedFile, generator.name);
      run({
        faker: createFaker(hashSeed(input.seed, 'generator', seedFile.spec.id, generator.name)),
        credentials: input.credentials,
        seed: input.seed,
        now: input.clock.now(),
        options: generator.options,
        store: input.store,
        resource: (n) => {
          const r = input.resource(n);
          if (!r) throw new Error(`generator '${generator.name}': '${n}' is not a served resource`);
          return r;
        },
      });
    }
  }
}

function generateCollection(
  input: PopulateInput,
  resource: ResourceRuntime,
  collection: SeedCollection,
): void {
  const faker = createFaker(hashSeed(input.seed, 'fixture', resource.name));
  const now = input.clock.now();
  const spec = resource.spec;
  const daysBack = collection.daysBack ?? 30;
  const entities: Array<{ entity: Entity; createdMs: number }> = [];
  for (let n = 1; n <= (collection.count ?? 0); n++) {
    const entity: Entity = {
      ...spec.defaults,
      ...((generateFromSchema(spec.schema, { faker, now, maxDepth: 4 }) as Entity | undefined) ?? {}),
    };
    for (const [field, rule] of Object.entries(collection.fields ?? {})) {
      const value = applyRule(rule, {
        faker,
        now,
        n,
        entity,
        formatTime: (ms) => formatTime(ms, spec.clock),
        valuesOf: (name, field) => {
          const other = input.resource(name);
          if (!other) throw new Error(`seed rule refers to unknown resource '${name}'`);
          return other.collection.list().map((e) => (field ? e[field] : other.keyOf(e)));
        },
      });
      if (value === undefined) delete entity[field];
      else entity[field] = value;
    }
    const createdMs = now - faker.number.int({ min: 0, max: Math.round(daysBack * 86_400_000) });
    if (spec.created) entity[spec.created] = formatTime(createdMs, spec.clock);
    if (spec.updated)
      entity[spec.updated] = formatTime(
        createdMs + faker.number.int({ min: 0, max: now - createdMs }),
        spec.clock,
      );
    entities.push({ entity, createdMs });
  }
  // Oldest first, like a real system's insertion order; keys are assigned in that order.
  entities.sort((a, b) => a.createdMs - b.createdMs);
  for (const { entity } of entities) {
    if (!spec.singleton && spec.key && spec.id.kind !== 'client') entity[spec.key] = resource.nextKey();
    resource.collection.put(resource.keyOf(entity), entity);
  }
}

/**
 * An entity the seed file writes out (one the vendor's documentation prints): stored as written, completed
 * with the resource's defaults and stamps it lacks; without a key it gets the next one.
 */
function storeWritten(resource: ResourceRuntime, written: Entity): void {
  const { spec } = resource;
  const entity = resource.complete(structuredClone(written), JSON.stringify(written));
  if (spec.created && entity[spec.created] === undefined) entity[spec.created] = resource.now();
  if (spec.updated && entity[spec.updated] === undefined)
    entity[spec.updated] = entity[spec.created ?? ''] ?? resource.now();
  if (!spec.singleton && spec.key && entity[spec.key] === undefined) entity[spec.key] = resource.nextKey();
  resource.collection.put(resource.keyOf(entity), entity);
}
