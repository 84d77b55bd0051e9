import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Faker } from '@faker-js/faker';
import { applyRule, type FieldRule } from '../../generate/fixture-rules';
import { generateFromSchema } from '../../generate/from-schema';
import { createFaker, hashSeed } from '../../generate/seed';
import type { SpecModel } from '../../openapi/model';
import type { Entity, Store } from '../../state/store';
import { compileFixed } from '../../schema';
import { formatTime, type MockClock } from '../services/clock';
import type { ResourceRuntime } from '../crud/resources';
import type { CredentialControl } from '../plugin';

/**
 * Seeded datasets the mock starts with. `fixtures/<spec-id>.yaml` says how many entities each resource
 * gets and shapes the fields that matter; everything else is generated from the resource schema. Rich
 * datasets (threat events) come from named generators in behaviour modules. Same seed, same data.
 */
export interface FixtureFile {
  collections?: Record<string, { count: number; daysBack?: number; fields?: Record<string, FieldRule> }>;
  generators?: Array<{ name: string; options?: Record<string, unknown> }>;
}

export interface FixtureGeneratorContext {
  faker: Faker;
  /** Seeded API tokens can be made valid credentials. */
  credentials: CredentialControl;
  seed: number;
  now: number;
  options: Record<string, unknown>;
  store: Store;
  resource(name: string): ResourceRuntime;
}
export type FixtureGenerator = (ctx: FixtureGeneratorContext) => void;

const FIXTURE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    collections: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['count'],
        properties: {
          count: { type: 'integer', minimum: 0 },
          daysBack: { type: 'number', minimum: 0 },
          fields: { type: 'object' },
        },
      },
    },
    generators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, options: { type: 'object' } },
      },
    },
  },
};
const validateFixtureFile = compileFixed(FIXTURE_SCHEMA);

export class FixtureError extends Error {}

export function readFixtureFile(dir: string, spec: SpecModel): FixtureFile | undefined {
  const file = join(dir, `${spec.id}.yaml`);
  if (!existsSync(file)) return undefined;
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const errors = validateFixtureFile(data);
  if (errors.length > 0) {
    const details = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    throw new FixtureError(`${file}: ${details}`);
  }
  return data as FixtureFile;
}

export interface PopulateInput {
  files: Array<{ spec: SpecModel; fixture: FixtureFile }>;
  store: Store;
  seed: number;
  clock: MockClock;
  resource(name: string): ResourceRuntime | undefined;
  generators: Record<string, FixtureGenerator>;
  credentials: CredentialControl;
}

/** Fills the store from every fixture file, in file order (a collection can reference earlier ones). */
export function populateFixtures(input: PopulateInput): void {
  for (const { spec, fixture } of input.files) {
    for (const [name, collection] of Object.entries(fixture.collections ?? {})) {
      const resource = input.resource(name);
      if (!resource) throw new FixtureError(`fixtures/${spec.id}.yaml: '${name}' is not a declared resource`);
      generateCollection(input, resource, collection);
    }
    for (const generator of fixture.generators ?? []) {
      const run = input.generators[generator.name];
      if (!run) throw new FixtureError(`fixtures/${spec.id}.yaml: unknown generator '${generator.name}'`);
      run({
        faker: createFaker(hashSeed(input.seed, 'generator', generator.name)),
        credentials: input.credentials,
        seed: input.seed,
        now: input.clock.now(),
        options: generator.options ?? {},
        store: input.store,
        resource: (n) => {
          const r = input.resource(n);
          if (!r) throw new FixtureError(`generator '${generator.name}': '${n}' is not a declared resource`);
          return r;
        },
      });
    }
  }
}

function generateCollection(
  input: PopulateInput,
  resource: ResourceRuntime,
  collection: NonNullable<FixtureFile['collections']>[string],
): void {
  const faker = createFaker(hashSeed(input.seed, 'fixture', resource.name));
  const now = input.clock.now();
  const spec = resource.spec;
  const daysBack = collection.daysBack ?? 30;
  const entities: Array<{ entity: Entity; createdMs: number }> = [];
  for (let n = 1; n <= collection.count; n++) {
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
          if (!other) throw new FixtureError(`fixture rule refers to unknown resource '${name}'`);
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
