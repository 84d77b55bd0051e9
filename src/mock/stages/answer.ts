import type { PlainResponse } from '../../http';
import type { ErrorKind, Operation, SpecModel } from '../../openapi';
import type { Scenario } from '../services/scenarios';
import { errorResponse } from './envelope';

/**
 * What a stage that answers hands back: the response, and what the request log records of it. A stage
 * either answers (a refusal, a forced answer) or lets the request go on to the next one.
 */
export interface Answer {
  response: PlainResponse;
  spec?: SpecModel;
  operation?: Operation;
  /** Why the request was refused, if it was: the request log shows them. */
  requestViolations: string[];
  /** What the request did that only the document forbids (the vendor accepts it): reported, not refused. */
  departures?: string[];
  /** The admin scenario that forced this answer. */
  scenario?: Scenario;
  /**
   * A refusal by secmock itself rather than an answer of the operation (a body over the size limit, a bug
   * answered 500): the spec cannot document those, so the answer is not self-checked against it.
   */
  bySecmock?: boolean;
  /** An injected fault (`outage 503`, `reset`): marked in `x-secmock-violations` and the request log. */
  fault?: string;
  /** Added before the answer is sent (a scenario's delay, drawn per use). */
  delayMs?: number;
}

/** A refusal in the vendor's envelope; the messages are also what the log records. */
export function refusal(
  spec: SpecModel,
  operation: Operation | undefined,
  kind: ErrorKind,
  messages: string[],
): Answer {
  return {
    spec,
    operation,
    response: errorResponse(spec, operation, kind, messages),
    requestViolations: messages,
  };
}
