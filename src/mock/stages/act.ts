import { hashSeed } from '../../generate/seed';
import type { ClockFormat, Operation, SpecModel } from '../../openapi/model';
import { successStatus } from '../../openapi/status';
import type { ValidatedRequest } from '../../validate/request';
import type { BehaviourContext } from '../../vendors';
import { formatTime } from '../services/clock';
import { runAction, type CrudContext } from '../crud/actions';
import { mintCredential } from './mint-credential';
import { fail, type Outcome } from '../outcome';
import type { Preferences } from './prefer';
import type { MockRuntime } from '../engine';
import { renderTemplate, type TemplateScope } from '../crud/template';

/**
 * The heart of a mock answer once the request is known to be allowed and valid: an explicit preference
 * for an example, else the named behaviour, else the generic action, else the documented response.
 */
export function execute(
  runtime: MockRuntime,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
  preferences: Preferences,
): Outcome {
  if (preferences.example !== undefined || preferences.dynamic) {
    return documentedOutcome(runtime, spec, operation, request, successStatus(operation), preferences);
  }
  const missing = operation.mock.requires.filter((name) => !isPresent(runtime, name));
  if (missing.length > 0) return fail('precondition', ...missing.map((name) => `${name} is not configured`));
  // A create is refused when its collection is full, also when a vendor behaviour performs it.
  const full = operation.mock.action === 'create' ? resourceOf(runtime, operation)?.fullMessage() : undefined;
  if (full) return fail('conflict', full);
  const ctx = behaviourContext(runtime, spec, operation, request);
  const behaviour = operation.mock.behaviour && runtime.behaviours.get(operation.mock.behaviour);
  const outcome = behaviour ? behaviour(ctx) : ctx.generic();
  return outcome.kind === 'ok' ? mintCredential(runtime, operation, outcome) : outcome;
}

function resourceOf(runtime: MockRuntime, operation: Operation) {
  return operation.mock.resource ? runtime.resources.get(operation.mock.resource) : undefined;
}

function isPresent(runtime: MockRuntime, name: string): boolean {
  const resource = runtime.resources.get(name);
  return resource !== undefined && resource.collection.size > 0;
}

function documentedOutcome(
  runtime: MockRuntime,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
  status: number | undefined,
  preferences: Preferences = {},
): Outcome {
  if (status === undefined) return fail('internal', `${operation.operationId} documents no success response`);
  const answer = runtime.documented.body(spec, operation, status, {
    ...preferences,
    pathParams: request.path,
  });
  return answer.ok ? { kind: 'ok', status, body: answer.body } : fail('validation', answer.message);
}

/** What templates see of the request; `$now` in the resource's clock format. */
function requestScope(
  runtime: MockRuntime,
  request: ValidatedRequest,
  clock: ClockFormat = 'iso',
): TemplateScope {
  const now = runtime.clock.now();
  return {
    body: request.body,
    query: request.query,
    path: request.path,
    headers: request.headers,
    now: formatTime(now, clock),
  };
}

function behaviourContext(
  runtime: MockRuntime,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
): BehaviourContext {
  const resource = resourceOf(runtime, operation);
  const scope = (extra: TemplateScope) => ({
    ...requestScope(runtime, request, resource?.spec.clock),
    ...extra,
  });
  const tick = () => void runtime.clock.advance();
  const generic = (): Outcome => {
    if (resource && operation.mock.action) {
      const crud: CrudContext = { operation, resource, request, tick, scope };
      return runAction(crud);
    }
    return documentedOutcome(runtime, spec, operation, request, successStatus(operation));
  };
  return {
    spec,
    operation,
    request,
    store: runtime.store,
    clock: runtime.clock,
    seed: runtime.seed,
    resource,
    resourceNamed: (name) => runtime.resources.get(name),
    generic,
    documented: (status) => {
      const outcome = documentedOutcome(
        runtime,
        spec,
        operation,
        request,
        status ?? successStatus(operation),
      );
      return outcome.kind === 'ok' ? outcome.body : undefined;
    },
    render: (template, extra = {}) => renderTemplate(template, scope(extra)),
    tick,
    faker: (...parts) => runtime.fakers.acquire(hashSeed(runtime.seed, operation.operationId, ...parts)),
    credentials: runtime.credentials,
  };
}
