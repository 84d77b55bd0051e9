import type { PlainRequest } from '../../http';
import type { Operation, SpecModel } from '../../openapi';
import { refusal, type Answer } from './answer';

/**
 * A body the edge could not read (over the size limit, an unsupported charset, cut short) is refused once
 * the request is known to reach an operation, in that operation's envelope: 413 for a body that is too
 * large, the validation refusal otherwise. An unknown path was already answered 404 by the router.
 */
export function refuseUnreadableBody(
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
): Answer | undefined {
  const problem = request.bodyProblem;
  if (!problem) return undefined;
  const kind = problem.kind === 'tooLarge' ? 'tooLarge' : 'validation';
  return { ...refusal(spec, operation, kind, [problem.message]), bySecmock: true };
}
