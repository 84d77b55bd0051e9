import type { PlainRequest, PlainResponse } from '../http';
import { adminRefusal } from './admin-access';
import { catalogue } from './admin-catalogue';
import type { MockEngine } from './engine';
import { ISSUED_CREDENTIALS } from './services/credentials';
import type { ScenarioInput } from './services/scenarios';

/**
 * The control API under /__secmock/: health, reset, state, request log, scenarios, clock, plus the routes
 * vendor modules add. Who may call it is admin-access.ts's rule (loopback, no foreign page, no rebound name).
 */
export const ADMIN_PREFIX = '/__secmock';

const json = (status: number, body: unknown): PlainResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});
const problem = (status: number, message: string) => json(status, { error: message });

export function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

export async function handleAdmin(
  engine: MockEngine,
  request: PlainRequest,
  root: MockEngine = engine,
): Promise<PlainResponse> {
  const denied = checkAccess(engine, request);
  if (denied) return denied;
  if (request.bodyProblem)
    return problem(request.bodyProblem.kind === 'tooLarge' ? 413 : 400, request.bodyProblem.message);
  let body: unknown;
  if (request.rawBody) {
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      return problem(400, 'admin requests take a JSON body');
    }
  }
  const route = request.path.slice(ADMIN_PREFIX.length).replace(/^\/|\/$/g, '');
  const key = `${request.method.toUpperCase()} ${route}`;
  const vendorRoute = engine.bindings.adminRoutes.get(key);
  // One admin call's writes (a reset, an hourly sync per hour the clock moves) land whole, and with a state
  // file in one transaction, before the answer.
  if (vendorRoute) return engine.store.atomically(() => vendorRoute(request, body, engine.adminContext()));
  return sessionRoute(root, key) ?? engine.store.atomically(() => builtin(engine, key, route, request, body));
}

/** `GET sessions` lists the sessions held; `DELETE sessions/<name>` forgets one (its data with it). */
function sessionRoute(root: MockEngine, key: string): PlainResponse | undefined {
  if (!root.sessions) return undefined;
  if (key === 'GET sessions') return json(200, { sessions: root.sessions.list() });
  if (key === 'DELETE sessions') {
    root.sessions.clear();
    return json(200, { sessions: [] });
  }
  const named = /^DELETE sessions\/(.+)$/.exec(key);
  if (!named) return undefined;
  const name = decodeURIComponent(named[1]);
  return root.sessions.remove(name) ? json(200, { removed: name }) : problem(404, `no session '${name}'`);
}

function checkAccess(engine: MockEngine, request: PlainRequest): PlainResponse | undefined {
  const refused = adminRefusal(engine.options, request);
  return refused && problem(refused.status, refused.message);
}

/** What a built-in admin route reads of its request. */
interface AdminCall {
  query(name: string): string | undefined;
  body: unknown;
  /** The mock as the caller addressed it (`http://localhost:4010`), for the curl lines it is shown. */
  baseUrl: string;
}
type BuiltinRoute = (engine: MockEngine, call: AdminCall) => PlainResponse;

const BUILTIN_ROUTES: Record<string, BuiltinRoute> = {
  'GET health': (engine) =>
    json(200, {
      status: 'ok',
      ...(engine.sessionName === undefined ? {} : { session: engine.sessionName }),
      seed: engine.seed,
      clock: new Date(engine.clock.now()).toISOString(),
      specs: engine.specs.map((s) => ({ id: s.id, title: s.title, operations: s.operations.length })),
    }),
  'POST reset': (engine) => {
    engine.reset();
    return json(200, { status: 'reset' });
  },
  'GET state': (engine, call) =>
    json(200, stateOf(engine, call.query('collection'), Number(call.query('limit') ?? 100))),
  'GET requests': (engine, call) => {
    const recent = engine.log.recent(Number(call.query('limit')) || undefined);
    // `after` lets a poller (the console) ask only for what it has not seen.
    const after = Number(call.query('after'));
    return json(200, { requests: Number.isFinite(after) ? recent.filter((r) => r.seq > after) : recent });
  },
  'GET specs': (engine, call) => json(200, { specs: catalogue(engine, call.baseUrl) }),
  'GET scenarios': (engine) => json(200, { scenarios: engine.scenarios.list() }),
  'POST scenarios': (engine, call) => {
    const result = engine.scenarios.add((call.body ?? {}) as ScenarioInput);
    if (!result.ok) return json(422, { error: 'scenario refused', reasons: result.reasons });
    const { operation: _operation, draw: _draw, ...scenario } = result.scenario;
    return json(201, scenario);
  },
  'DELETE scenarios': (engine) => {
    engine.scenarios.clear();
    return json(200, { scenarios: [] });
  },
  'POST clock': (engine, call) => {
    const advanceMs = Number((call.body as { advanceMs?: unknown } | undefined)?.advanceMs);
    if (!Number.isFinite(advanceMs) || advanceMs < 0)
      return problem(400, 'give { advanceMs: <non-negative number> }');
    engine.advanceClock(advanceMs);
    return json(200, { clock: new Date(engine.clock.now()).toISOString() });
  },
};

function builtin(
  engine: MockEngine,
  key: string,
  route: string,
  request: PlainRequest,
  body: unknown,
): PlainResponse {
  const query = (name: string) => {
    const value = request.query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const handler = BUILTIN_ROUTES[key];
  const baseUrl = `http://${request.headers.host ?? '127.0.0.1'}`;
  if (handler) return handler(engine, { query, body, baseUrl });
  const scenarioId = /^DELETE scenarios\/(\d+)$/.exec(key);
  if (scenarioId) {
    return engine.scenarios.remove(Number(scenarioId[1]))
      ? json(200, { removed: Number(scenarioId[1]) })
      : problem(404, 'no such scenario');
  }
  return problem(404, `no admin route ${request.method.toUpperCase()} ${ADMIN_PREFIX}/${route}`);
}

/** Collections with their counts; one collection's entities when asked, secrets masked. */
function stateOf(engine: MockEngine, collection: string | undefined, limit: number) {
  if (collection !== undefined) {
    const resource = engine.resources.get(collection);
    if (!resource) return { error: `no collection '${collection}'` };
    const items = resource.collection.list();
    return {
      collection,
      count: items.length,
      items: items.slice(0, Math.max(0, limit)).map((e) => resource.mask(e)),
    };
  }
  const collections: Record<string, { count: number; spec?: string }> = {};
  for (const name of engine.store.collectionNames()) {
    // `$`-named collections are the mock's own bookkeeping (issued credentials, sync state), not vendor data.
    if (name.startsWith('$')) continue;
    collections[name] = {
      count: engine.store.collection(name).size,
      spec: engine.resources.get(name)?.spec.specId,
    };
  }
  return {
    clock: new Date(engine.clock.now()).toISOString(),
    collections,
    issuedCredentials: engine.store.collection(ISSUED_CREDENTIALS).size,
  };
}
