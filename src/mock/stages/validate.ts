import { failure, success, type PlainRequest, type Result } from '../../http';
import type { Operation, SpecModel } from '../../openapi';
import { formatViolation } from '../../schema';
import type { RequestValidator, ValidatedRequest } from '../../validate';
import { refusal, type Answer } from './answer';
import { asDocumented } from './as-documented';

/** A request the mock goes on with, and what in it only the vendor (not its document) accepts. */
export interface Checked {
  request: ValidatedRequest;
  /** Document-only departures: reported in x-secmock-violations and the request log, never silent. */
  departures: string[];
}

/**
 * The request against the operation's parameters and body schema, at the level of what the vendor accepts:
 * every violation, with its path, in the vendor's validation envelope. What only the document forbids is
 * accepted and reported, unless the mock is strict (`--strict`, `Prefer: strict=true`); the vendor's own
 * spellings and shapes are turned into the document's before the action sees them.
 */
export function validateRequest(
  validator: RequestValidator,
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
  params: Record<string, string>,
  strict: boolean,
): Result<Checked, Answer> {
  const checked = validator(request, params);
  if (!checked.ok)
    return failure(refusal(spec, operation, 'validation', checked.violations.map(formatViolation)));
  const departures = checked.departures.map(formatViolation);
  if (strict && departures.length > 0) return failure(refusal(spec, operation, 'validation', departures));
  return success({ request: asDocumented(operation, checked.request, checked.bodyShape), departures });
}
