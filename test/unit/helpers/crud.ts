/** One resource over a fresh store, and a way to run a generic action on it: what act.ts hands runAction. */
import type { OperationAnnotation, ResourceSpec } from '../../../src/openapi/model';
import { runAction } from '../../../src/mock/crud/actions';
import { ResourceRuntime } from '../../../src/mock/crud/resources';
import { formatTime, MockClock } from '../../../src/mock/services/clock';
import type { Outcome } from '../../../src/mock/outcome';
import { Store } from '../../../src/state/store';
import type { ValidatedRequest } from '../../../src/validate/request';
import { CLOCK_START, SEED } from './engine-parts';
import { makeOperation } from './model';
import { validatedRequest } from './requests';

export function crudOf(spec: ResourceSpec, options: { maxSize?: number; seed?: number } = {}) {
  const store = new Store();
  const clock = new MockClock(store, CLOCK_START);
  const resource = new ResourceRuntime(spec, store, clock, options.seed ?? SEED, options.maxSize);
  const run = (mock: Partial<OperationAnnotation>, request: Partial<ValidatedRequest> = {}): Outcome => {
    const validated = validatedRequest(request);
    return runAction({
      operation: makeOperation({ mock: { resource: spec.name, ...mock } }),
      resource,
      request: validated,
      tick: () => void clock.advance(),
      scope: (extra) => ({
        body: validated.body,
        query: validated.query,
        path: validated.path,
        headers: validated.headers,
        now: formatTime(clock.now(), spec.clock),
        ...extra,
      }),
    });
  };
  return { store, clock, resource, collection: store.collection(spec.name), run };
}

/** The body of a successful outcome; a refusal fails the test that expected a body. */
export function bodyOf(outcome: Outcome): unknown {
  if (outcome.kind !== 'ok')
    throw new Error(`expected an answer, got ${outcome.error}: ${outcome.messages.join('; ')}`);
  return outcome.body;
}
