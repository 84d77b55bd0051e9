import { NETWORK_FAULTS, type NetworkFault, type PlainRequest } from '../../http';
import { type Operation, type SpecModel, successStatus } from '../../openapi';
import type { DocumentedResponses } from '../services/documented-responses';
import { OUTAGE_STATUSES, type FaultKind, type Scenarios } from '../services/scenarios';
import { refusal, type Answer } from './answer';
import { errorResponse } from './envelope';
import { parsePrefer } from './prefer';
import { toResponse } from './respond';

/**
 * Outages and broken connections, asked for by a fault scenario or by `Prefer: fault=<kind|status>`. They
 * come before the request is read or authenticated, as a vendor that is down answers whatever is sent.
 * An outage is the status in the vendor's envelope (its spec need not document it: the answer is marked as
 * a fault, not judged against the spec); a network fault is done to the connection by the edge.
 */
export function injectFault(
  scenarios: Scenarios,
  documented: DocumentedResponses,
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
): { answer: Answer; delayMs: number } | undefined {
  const scenario = scenarios.take(operation, true);
  if (scenario?.fault) {
    const answer = faultAnswer(
      documented,
      spec,
      operation,
      scenario.fault,
      scenario.status,
      scenario.retryAfter,
    );
    return { answer: { ...answer, scenario }, delayMs: scenarios.delayOf(scenario) };
  }
  const asked = parsePrefer(request.headers.prefer).fault;
  if (asked === undefined) return undefined;
  const status = /^\d{3}$/.test(asked) ? Number(asked) : undefined;
  if (status !== undefined && (OUTAGE_STATUSES as readonly number[]).includes(status))
    return { answer: faultAnswer(documented, spec, operation, 'outage', status, 1), delayMs: 0 };
  if ((NETWORK_FAULTS as readonly string[]).includes(asked))
    return { answer: faultAnswer(documented, spec, operation, asked as NetworkFault), delayMs: 0 };
  const choices = [...NETWORK_FAULTS, ...OUTAGE_STATUSES].join(', ');
  return {
    answer: refusal(spec, operation, 'validation', [`Prefer: fault=${asked} is not one of ${choices}`]),
    delayMs: 0,
  };
}

function faultAnswer(
  documented: DocumentedResponses,
  spec: SpecModel,
  operation: Operation,
  fault: FaultKind,
  status?: number,
  retryAfter?: number,
): Answer {
  if (fault === 'outage') {
    const code = status ?? 503;
    const response = errorResponse(spec, operation, code === 429 ? 'rateLimited' : 'internal', [
      `injected outage: the vendor answers ${code}`,
    ]);
    response.status = code;
    if (retryAfter !== undefined && (code === 429 || code === 503))
      response.headers = { ...response.headers, 'retry-after': String(retryAfter) };
    return { spec, operation, response, requestViolations: [], bySecmock: true, fault: `outage ${code}` };
  }
  // A cut or garbled body is the operation's own documented answer, broken on the way.
  const success = successStatus(operation) ?? 200;
  const needsBody = fault === 'truncated' || fault === 'malformed';
  const body = needsBody ? documented.bodyOrUndefined(spec, operation, success, {}) : undefined;
  const response = { ...toResponse(spec, operation, { kind: 'ok', status: success, body }), fault };
  // No status reaches the client when the connection is reset, closed or held: the log says 0.
  if (!needsBody) response.status = 0;
  return { spec, operation, response, requestViolations: [], bySecmock: true, fault };
}
