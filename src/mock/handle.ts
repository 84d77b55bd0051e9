import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlainRequest, PlainResponse } from '../http';
import { StateFileError } from '../state';
import { handleAdmin, isAdminPath } from './admin';
import type { MockEngine } from './engine';
import { copyAnswer, type CachedAnswer } from './services/read-cache';
import type { RequestLogEntry } from './services/request-log';
import { isSessionName, SESSION_HEADER, SESSION_NAME_RULE } from './services/sessions';
import { act } from './stages/act';
import { injectFault } from './stages/fault';
import { type Answer, refusal } from './stages/answer';
import { refuseUnauthenticated } from './stages/authenticate';
import { refuseOverRate } from './stages/rate-limit';
import { answerPreferred, parsePrefer } from './stages/prefer';
import { refuseUnreadableBody } from './stages/read-body';
import { toResponse } from './stages/respond';
import { routeRequest } from './stages/route';
import { useScenario } from './stages/scenario';
import { selfCheck, VIOLATIONS_HEADER, violationsHeader } from './stages/self-check';
import { validateRequest } from './stages/validate';

/** One request to the mock: the admin API, or an operation answered (or reused) and logged. */
export async function handleRequest(root: MockEngine, request: PlainRequest): Promise<PlainResponse> {
  return (await handleAndRecord(root, request)).response;
}

/** A request handled, with what the request log kept of it (absent for the admin API and refused sessions). */
export interface HandledRequest {
  response: PlainResponse;
  entry?: RequestLogEntry;
  /** The session whose world answered, when the request named one. */
  session?: string;
  /** The request was for the admin API (the console's polling among them), not for a vendor API. */
  admin?: true;
}

/** handleRequest, for the edge that prints a line per request: the log entry comes back with the answer. */
export async function handleAndRecord(root: MockEngine, request: PlainRequest): Promise<HandledRequest> {
  const session = request.headers[SESSION_HEADER];
  if (session !== undefined && !isSessionName(session))
    return {
      response: root.refuseUnparsed(
        request.path,
        'validation',
        `${SESSION_HEADER} '${session.slice(0, 40)}' is not a session name: ${SESSION_NAME_RULE}`,
      ),
    };
  // The world the request addresses: its session's, or the shared one (the admin API alike).
  const engine = root.worldFor(request);
  if (isAdminPath(request.path)) {
    const response = await handleAdmin(engine, request, root);
    // Like a vendor answer, an admin answer is not sent before its writes are saved.
    const committing = engine.store.committing;
    return {
      response: committing
        ? await whenSaved(committing, response, (error) => unsavedAdminAnswer(engine, error))
        : response,
      admin: true,
      session,
    };
  }
  const started = performance.now();
  // A stream of writes keeps the cache empty: the key (headers sorted, the body) is built only when used.
  const key = engine.readCache.holdsAnswersFor(engine.store.revision)
    ? engine.readCache.keyOf(request)
    : undefined;
  const reused = reuseRead(engine, key);
  const decided = reused ?? answerFresh(engine, request, key);
  const committing = engine.store.committing;
  const { answered, requestViolations, delayMs } = committing
    ? await whenSaved(committing, decided, (error) => unsavedAnswer(engine, request, error))
    : decided;
  const response = copyAnswer(answered);
  const delay = (engine.options.latencyMs ?? 0) + delayMs;
  if (delay > 0) await sleep(delay);
  const entry = engine.log.add({
    time: new Date().toISOString(),
    method: request.method.toUpperCase(),
    path: request.path,
    spec: answered.spec,
    operationId: answered.operationId,
    status: response.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    requestViolations,
    documentDepartures: answered.departures,
    responseViolations: answered.responseViolations,
    scenario: answered.scenario,
    fault: answered.fault,
  });
  return { response, entry, session };
}

/**
 * The pipeline, as DESIGN.md draws it; each step is one file in stages/ and either answers the request (a
 * refusal, a forced answer) or lets it go on: route -> fault -> readable body -> authenticate -> rate limit
 * -> validate -> scenario -> Prefer -> act (vendor behaviour or generic action) -> respond.
 */
export function decide(engine: MockEngine, request: PlainRequest): Answer {
  const routed = routeRequest(engine.router, engine.specs, request);
  if (routed.kind === 'answered') return routed.answer;
  const { spec, operation, params } = routed;
  const fault = injectFault(engine.scenarios, engine.documented, spec, operation, request);
  if (fault) return { ...fault.answer, delayMs: fault.delayMs };
  const refused =
    refuseUnreadableBody(spec, operation, request) ??
    refuseUnauthenticated(spec, operation, request, engine.schemes, engine.credentials) ??
    refuseOverRate(engine.rateLimiter, spec, operation, request, engine.schemes, engine.clock.now());
  if (refused) return refused;
  const strict = parsePrefer(request.headers.prefer).strict ?? engine.options.strict ?? false;
  const validator = engine.requestValidator(operation);
  const checked = validateRequest(validator, spec, operation, request, params, strict);
  if (!checked.ok) return checked.error;
  const { request: valid, departures } = checked.value;
  const used = useScenario(engine.scenarios, engine.documented, spec, operation);
  const delayMs = used?.delayMs ?? 0;
  const forced = used?.answer ?? answerPreferred(engine.documented, spec, operation, valid);
  if (forced) return { ...forced, departures, delayMs };
  const outcome = act(engine.actDeps, spec, operation, valid);
  const response = toResponse(spec, operation, outcome);
  const requestViolations = outcome.kind === 'fail' ? outcome.messages : [];
  return { spec, operation, response, requestViolations, departures, delayMs, scenario: used?.scenario };
}

interface Answered {
  answered: CachedAnswer;
  requestViolations: string[];
  delayMs: number;
}

/** The answer to the same read, kept since the store last changed (services/read-cache.ts). */
function reuseRead(engine: MockEngine, key: string | undefined): Answered | undefined {
  // A counted rate limit must see every request, a repeated read included.
  if (!engine.scenarios.isEmpty() || engine.rateLimiter) return undefined;
  const cached = key === undefined ? undefined : engine.readCache.get(key, engine.store.revision);
  return cached && { answered: cached, requestViolations: [], delayMs: 0 };
}

/**
 * Decides, self-checks and serialises an answer once; a read that left the store unchanged is kept.
 * `lookupKey`: the request's cache key, when it was built to look the answer up.
 */
function answerFresh(engine: MockEngine, request: PlainRequest, lookupKey: string | undefined): Answered {
  const revision = engine.store.revision;
  let answer: Answer;
  try {
    answer = decide(engine, request);
  } catch (error) {
    answer = internalError(engine, request, error);
  } finally {
    engine.fakers.releaseAll();
  }
  const answered = serialise(engine, answer);
  const { response } = answered;
  const unchanged = engine.store.revision === revision;
  if (!answer.scenario && unchanged && response.status >= 200 && response.status < 300) {
    const key = lookupKey ?? engine.readCache.keyOf(request);
    if (key !== undefined) {
      if (response.text !== undefined) response.bytes = Buffer.from(response.text);
      engine.readCache.set(key, revision, answered);
    }
  }
  return { answered, requestViolations: answer.requestViolations, delayMs: answer.delayMs ?? 0 };
}

/**
 * An answer once the writes it tells of are saved (a state file commits the requests of one event-loop turn
 * together), or what `unsaved` makes of the failure: the writes were undone, so an answer computed on them
 * is not sent, whether the request wrote or read what was undone.
 */
async function whenSaved<T>(
  committing: Promise<void>,
  answer: T,
  unsaved: (error: unknown) => T,
): Promise<T> {
  try {
    await committing;
    return answer;
  } catch (error) {
    return unsaved(error);
  }
}

/** A vendor request whose writes were not saved: the vendor's 500 envelope. */
function unsavedAnswer(engine: MockEngine, request: PlainRequest, error: unknown): Answered {
  const answer = unsaved(engine, request, error);
  return { answered: serialise(engine, answer), requestViolations: answer.requestViolations, delayMs: 0 };
}

/** An admin call whose writes the state file refused: 500 with its message (anything else is a bug). */
function unsavedAdminAnswer(engine: MockEngine, error: unknown): PlainResponse {
  if (!(error instanceof StateFileError)) throw error;
  engine.warnOnce(error.message);
  return { status: 500, headers: { 'content-type': 'application/json' }, body: { error: error.message } };
}

/**
 * The answer when the state file refused a commit (a full disk): not a bug, so the log gets the file's own
 * message rather than a stack, and the client the vendor's 500 envelope saying nothing was saved.
 */
function unsaved(engine: MockEngine, request: PlainRequest, error: unknown): Answer {
  if (!(error instanceof StateFileError)) return internalError(engine, request, error);
  engine.warnOnce(error.message);
  return secmockFailed(engine, request, "secmock could not save this request's writes; see its log");
}

/** The answer self-checked, with its headers and JSON text, as it is sent (and kept). */
function serialise(engine: MockEngine, answer: Answer): CachedAnswer {
  const { response, operation, scenario } = answer;
  const responseViolations =
    operation && !answer.bySecmock
      ? selfCheck(engine.responses, operation, response, (m) => engine.warnOnce(m))
      : [];
  const departures = answer.departures ?? [];
  const header = violationsHeader(departures, responseViolations, answer.fault);
  if (header) response.headers[VIOLATIONS_HEADER] = header;
  if (operation) response.headers['x-secmock-operation'] = `${operation.specId}/${operation.operationId}`;
  if (response.body !== undefined && /json/.test(response.headers['content-type'] ?? ''))
    response.text = JSON.stringify(response.body);
  return {
    response,
    responseViolations,
    departures,
    spec: answer.spec?.id,
    operationId: operation?.operationId,
    scenario: scenario && String(scenario.id),
    ...(answer.fault ? { fault: answer.fault } : {}),
  };
}

/** A bug in secmock answers 500 in the vendor's envelope (logged once with its stack), never a crash. */
function internalError(engine: MockEngine, request: PlainRequest, error: unknown): Answer {
  engine.warnOnce(
    `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return secmockFailed(engine, request, 'secmock failed to answer this request; see its log');
}

/** A 500 by secmock itself, in the envelope of the operation the request reaches. */
function secmockFailed(engine: MockEngine, request: PlainRequest, message: string): Answer {
  const routed = routeRequest(engine.router, engine.specs, request);
  const spec = routed.kind === 'operation' ? routed.spec : (routed.answer.spec ?? engine.specs[0]);
  const operation = routed.kind === 'operation' ? routed.operation : undefined;
  if (!spec)
    return { response: { status: 500, headers: {}, body: { message } }, requestViolations: [message] };
  return { ...refusal(spec, operation, 'internal', [message]), bySecmock: true };
}
