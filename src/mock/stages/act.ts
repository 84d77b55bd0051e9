import { type FakerPool, hashSeed } from '../../generate';
import { type ClockFormat, type Operation, type SpecModel, successStatus } from '../../openapi';
import { StoreFullError } from '../../state';
import type { ValidatedRequest } from '../../validate';
import { runAction } from '../crud/actions';
import type { ResourceRuntime } from '../crud/resources';
import { renderTemplate, type TemplateScope } from '../../openapi';
import { fail, type Outcome } from '../outcome';
import type { Behaviour, BehaviourContext } from '../plugin';
import { formatTime, type MockClock } from '../services/clock';
import type { DocumentedResponses } from '../services/documented-responses';
import { mintCredential, type MintDeps } from './mint-credential';

/** What acting on a request may touch: the store and the services around it, nothing else of the engine. */
export interface ActDeps extends MintDeps {
  resources: ReadonlyMap<string, ResourceRuntime>;
  behaviours: ReadonlyMap<Operation, Behaviour>;
  documented: DocumentedResponses;
  fakers: FakerPool;
}

/**
 * The heart of a mock answer once the request is allowed and valid: the vendor module's behaviour for the
 * operation, else its generic action on the store, else the documented response. What the operation
 * `requires` must be configured first, a write past the store's bounds undoes the request (a full collection
 * refuses a create, also one a vendor behaviour performs), and a login mints a credential.
 */
export function act(
  deps: ActDeps,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
): Outcome {
  const missing = operation.mock.requires.filter((name) => !isPresent(deps, name));
  if (missing.length > 0) return fail('precondition', ...missing.map((name) => `${name} is not configured`));
  const resource = resourceOf(deps, operation);
  const ctx = behaviourContext(deps, spec, operation, request, resource);
  const behaviour = deps.behaviours.get(operation);
  try {
    // A request's writes land whole or not at all: a bound that refuses its third write undoes the first two.
    return deps.store.atomically(() => {
      const outcome = behaviour ? behaviour(ctx) : ctx.generic();
      return outcome.kind === 'ok' ? mintCredential(deps, operation, outcome) : outcome;
    });
  } catch (error) {
    if (error instanceof StoreFullError) return fail('conflict', error.message);
    throw error;
  }
}

function resourceOf(deps: ActDeps, operation: Operation): ResourceRuntime | undefined {
  return operation.mock.resource ? deps.resources.get(operation.mock.resource) : undefined;
}

function isPresent(deps: ActDeps, name: string): boolean {
  const resource = deps.resources.get(name);
  return resource !== undefined && resource.collection.size > 0;
}

/** What templates see of the request; `$now` in the resource's clock format. */
function requestScope(
  clock: MockClock,
  request: ValidatedRequest,
  format: ClockFormat = 'iso',
): TemplateScope {
  return {
    body: request.body,
    query: request.query,
    path: request.path,
    headers: request.headers,
    now: formatTime(clock.now(), format),
  };
}

function behaviourContext(
  deps: ActDeps,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
  resource: ResourceRuntime | undefined,
): BehaviourContext {
  const scope = (extra: TemplateScope) => ({
    ...requestScope(deps.clock, request, resource?.spec.clock),
    ...extra,
  });
  const tick = () => void deps.clock.advance();
  const documented = (status = successStatus(operation)) =>
    deps.documented.outcome(spec, operation, status, { pathParams: request.path });
  return {
    spec,
    operation,
    request,
    store: deps.store,
    clock: deps.clock,
    seed: deps.seed,
    resource,
    resourceNamed: (name) => deps.resources.get(name),
    generic: () =>
      resource && operation.mock.action
        ? runAction({ operation, resource, request, tick, scope })
        : documented(),
    documented: (status) => {
      const outcome = documented(status);
      return outcome.kind === 'ok' ? outcome.body : undefined;
    },
    render: (template, extra = {}) => renderTemplate(template, scope(extra)),
    tick,
    faker: (...parts) => deps.fakers.acquire(hashSeed(deps.seed, operation.operationId, ...parts)),
    credentials: deps.credentials,
  };
}
