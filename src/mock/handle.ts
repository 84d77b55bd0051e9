import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlainRequest, PlainResponse } from '../http/types';
import type { Operation, SpecModel } from '../openapi/model';
import { successStatus } from '../openapi/status';
import { formatViolation } from '../schema';
import { handleAdmin, ADMIN_PREFIX } from './admin';
import { authenticate } from './stages/authenticate';
import { execute } from './stages/act';
import { errorResponse, selfCheck, toResponse } from './stages/respond';
import { parsePrefer } from './stages/prefer';
import type { MockRuntime } from './engine';
import { copyAnswer } from './services/read-cache';
import type { Scenario } from './services/scenarios';

interface Handled {
  response: PlainResponse;
  spec?: SpecModel;
  operation?: Operation;
  requestViolations: string[];
  scenario?: Scenario;
}

/**
 * One mock request, as DESIGN.md draws it: route -> authenticate -> validate -> scenario override ->
 * Prefer -> behaviour or generic state -> documented response -> self-check -> latency -> log.
 */
export async function handleRequest(runtime: MockRuntime, request: PlainRequest): Promise<PlainResponse> {
  if (request.path === ADMIN_PREFIX || request.path.startsWith(`${ADMIN_PREFIX}/`))
    return handleAdmin(runtime, request);
  const started = performance.now();
  const { answered, scenario, requestViolations } = answerOrReuse(runtime, request);
  const response = copyAnswer(answered);
  const delay = (runtime.options.latencyMs ?? 0) + (scenario?.delayMs ?? 0);
  if (delay > 0) await sleep(delay);
  runtime.log.add({
    time: new Date().toISOString(),
    method: request.method.toUpperCase(),
    path: request.path,
    spec: answered.spec,
    operationId: answered.operationId,
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    requestViolations,
    responseViolations: answered.responseViolations,
    scenario: scenario && String(scenario.id),
  });
  return response;
}

/** The cached answer to the same read, or a fresh one (cached when it left the store unchanged). */
function answerOrReuse(runtime: MockRuntime, request: PlainRequest) {
  const key = runtime.scenarios.isEmpty() ? runtime.readCache.keyOf(request) : undefined;
  const revision = runtime.store.revision;
  const cached = key === undefined ? undefined : runtime.readCache.get(key, revision);
  if (cached) return { answered: cached, requestViolations: [] as string[], scenario: undefined };
  let handled: Handled;
  try {
    handled = answer(runtime, request);
  } finally {
    runtime.fakers.releaseAll();
  }
  const { response, operation } = handled;
  const responseViolations = operation ? selfCheck(runtime, operation, response) : [];
  if (operation) response.headers['x-secmock-operation'] = `${operation.specId}/${operation.operationId}`;
  if (response.body !== undefined && /json/.test(response.headers['content-type'] ?? ''))
    response.text = JSON.stringify(response.body);
  const answered = {
    response,
    responseViolations,
    spec: handled.spec?.id,
    operationId: operation?.operationId,
  };
  const unchanged = runtime.store.revision === revision && !handled.scenario;
  if (key !== undefined && unchanged && response.status >= 200 && response.status < 300)
    runtime.readCache.set(key, revision, answered);
  return { answered, requestViolations: handled.requestViolations, scenario: handled.scenario };
}

function answer(runtime: MockRuntime, request: PlainRequest): Handled {
  const route = runtime.router.match(request.method, request.path);
  if (route.kind === 'not-found') return { response: notFoundRoute(runtime, request), requestViolations: [] };
  if (route.kind === 'method-not-allowed') {
    const spec = runtime.specById.get(route.sample.specId) as SpecModel;
    const message = `${request.method.toUpperCase()} is not allowed on ${request.path}; allowed: ${route.allow.join(', ')}`;
    const response = errorResponse(spec, undefined, 'validation', [message]);
    return {
      response: { ...response, status: 405, headers: { ...response.headers, allow: route.allow.join(', ') } },
      requestViolations: [message],
    };
  }
  const operation = route.value;
  const spec = runtime.specById.get(operation.specId) as SpecModel;
  const auth = authenticate(operation, request, runtime.schemes, runtime.credentials);
  if (!auth.ok)
    return {
      spec,
      operation,
      response: errorResponse(spec, operation, auth.kind, [auth.message]),
      requestViolations: [auth.message],
    };
  const checked = runtime.requestValidators.get(operation)?.(request, route.params);
  if (!checked?.ok) {
    const messages = (checked?.violations ?? []).map(formatViolation);
    return {
      spec,
      operation,
      response: errorResponse(spec, operation, 'validation', messages),
      requestViolations: messages,
    };
  }
  const scenario = runtime.scenarios.take(operation);
  if (scenario)
    return {
      spec,
      operation,
      scenario,
      response: scenarioResponse(runtime, spec, operation, scenario),
      requestViolations: [],
    };
  const preferences = parsePrefer(request.headers.prefer);
  if (preferences.code !== undefined && preferences.code !== successStatus(operation)) {
    const answer = runtime.documented.body(spec, operation, preferences.code, {
      ...preferences,
      pathParams: checked.request.path,
    });
    const outcome = answer.ok
      ? { kind: 'ok' as const, status: preferences.code, body: answer.body }
      : { kind: 'fail' as const, error: 'validation' as const, messages: [`Prefer: ${answer.message}`] };
    return { spec, operation, response: toResponse(spec, operation, outcome), requestViolations: [] };
  }
  const outcome = execute(runtime, spec, operation, checked.request, preferences);
  return {
    spec,
    operation,
    response: toResponse(spec, operation, outcome),
    requestViolations: outcome.kind === 'fail' ? outcome.messages : [],
  };
}

function scenarioResponse(
  runtime: MockRuntime,
  spec: SpecModel,
  operation: Operation,
  scenario: Scenario,
): PlainResponse {
  const status = scenario.status ?? successStatus(operation) ?? 200;
  const body =
    scenario.body !== undefined
      ? structuredClone(scenario.body)
      : (() => {
          const answer = runtime.documented.body(spec, operation, status, { example: scenario.example });
          return answer.ok ? answer.body : undefined;
        })();
  return toResponse(spec, operation, { kind: 'ok', status, body });
}

/** An unknown path belongs to no spec; answer in the envelope of the spec whose paths share its prefix. */
function notFoundRoute(runtime: MockRuntime, request: PlainRequest): PlainResponse {
  const message = `no operation at ${request.method.toUpperCase()} ${request.path}`;
  const owner = specOwningPath(runtime, request.path);
  if (!owner) return { status: 404, headers: { 'content-type': 'application/json' }, body: { message } };
  const response = errorResponse(owner, undefined, 'notFound', [message]);
  return { ...response, status: 404 };
}

/** The spec whose operations share the path's first two segments (`/api/v1`), else the first one served. */
export function specOwningPath(runtime: MockRuntime, path: string): SpecModel | undefined {
  return (
    runtime.specs.find((s) =>
      s.operations.some((op) => path.startsWith(op.path.split('/').slice(0, 3).join('/'))),
    ) ?? runtime.specs[0]
  );
}
