import { failure, success, type PlainRequest, type Result } from '../../http';
import type { Operation, SpecModel } from '../../openapi';
import { formatViolation } from '../../schema';
import type { RequestValidator, ValidatedRequest } from '../../validate';
import { refusal, type Answer } from './answer';

/**
 * The request against the operation's parameters and body schema: every violation, with its path, in the
 * vendor's validation envelope; a valid request comes out with its parameters coerced to their types.
 */
export function validateRequest(
  validator: RequestValidator,
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
  params: Record<string, string>,
): Result<ValidatedRequest, Answer> {
  const checked = validator(request, params);
  if (checked.ok) return success(checked.request);
  return failure(refusal(spec, operation, 'validation', checked.violations.map(formatViolation)));
}
