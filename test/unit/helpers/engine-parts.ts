/**
 * The services a stage needs, built in memory around one spec: a store, the mock clock, the resources'
 * runtimes, credentials and the documented responses. No seed file, no server.
 */
import { FakerPool } from '../../../src/generate/seed';
import type { Operation, SecuritySchemeSpec, SpecModel } from '../../../src/openapi/model';
import { Store } from '../../../src/state/store';
import { ResourceRuntime } from '../../../src/mock/crud/resources';
import type { Behaviour } from '../../../src/mock/plugin';
import { MockClock } from '../../../src/mock/services/clock';
import { Credentials } from '../../../src/mock/services/credentials';
import { DocumentedResponses } from '../../../src/mock/services/documented-responses';
import type { ActDeps } from '../../../src/mock/stages/act';

export const CLOCK_START = Date.parse('2025-09-09T18:00:00Z');
export const SEED = 7;

export interface Parts extends ActDeps {
  resources: Map<string, ResourceRuntime>;
  behaviours: Map<Operation, Behaviour>;
  schemes: Map<string, SecuritySchemeSpec>;
}

export function makeParts(spec: SpecModel, options: { maxCollectionSize?: number } = {}): Parts {
  const store = new Store();
  // As the engine does once the fixtures are in: every later write is bounded by the store.
  if (options.maxCollectionSize !== undefined)
    store.setBounds({
      maxEntities: options.maxCollectionSize,
      maxListItems: Infinity,
      maxWrittenBytes: Infinity,
    });
  const clock = new MockClock(store, CLOCK_START);
  const fakers = new FakerPool();
  const resources = new Map(
    spec.resources.map((r) => [
      r.name,
      new ResourceRuntime(r, store, clock, SEED, options.maxCollectionSize ?? 50_000, fakers),
    ]),
  );
  const schemes = new Map(spec.securitySchemes.map((s) => [s.name, s]));
  return {
    store,
    clock,
    seed: SEED,
    resources,
    behaviours: new Map(),
    documented: new DocumentedResponses(SEED, () => clock.now()),
    fakers,
    schemes,
    credentials: new Credentials(store, spec.securitySchemes, { now: () => clock.now() }),
  };
}
