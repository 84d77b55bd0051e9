import type { Operation, SpecModel } from '../../../src/openapi/model';
import { findResponse } from '../../../src/openapi';
import type { ResponseValidator } from '../../../src/validate/response';
import { formatViolation } from '../../../src/schema/violations';
import type { RawResponse } from './raw-http';

/**
 * Statuses the edge may answer without an operation: no route, wrong method, body too large, headers or URL
 * over Node's 16 KB parser limit.
 */
export const EDGE_STATUSES = [404, 405, 413, 431];

/**
 * What is wrong with an answer, judged with the spec model only (the same validator as the verifier):
 * a 5xx; an operation's status it does not document or a body its schema rejects; an edge refusal that is
 * not in the vendor's envelope (the schema the targeted operation documents for its validation refusals).
 * An empty list means the answer is right.
 */
export function answerProblems(
  spec: SpecModel,
  target: Operation,
  response: RawResponse,
  validator: ResponseValidator,
): string[] {
  if (response.status >= 500) return [`server error ${response.status}: ${response.text.slice(0, 300)}`];
  const answering = answeringOperation(spec, response);
  const edge = EDGE_STATUSES.includes(response.status);
  if (answering && (!edge || findResponse(answering, response.status)))
    return operationProblems(answering, response, validator);
  if (!edge)
    return [`status ${response.status} without an operation (expected one of ${EDGE_STATUSES.join(', ')})`];
  return envelopeProblems(spec, answering ?? target, response, validator);
}

function answeringOperation(spec: SpecModel, response: RawResponse): Operation | undefined {
  const header = response.headers['x-secmock-operation'];
  if (!header) return undefined;
  const [specId, operationId] = header.split('/');
  if (specId !== spec.id) throw new Error(`answered by another spec's operation: ${header}`);
  return spec.operations.find((op) => op.operationId === operationId);
}

function operationProblems(
  operation: Operation,
  response: RawResponse,
  validator: ResponseValidator,
): string[] {
  const verdict = validator.check(operation, {
    status: response.status,
    headers: response.headers,
    body: response.json ?? response.text,
  });
  if (!verdict.documented) return [`${operation.operationId}: status ${response.status} is not documented`];
  const problems = verdict.contentTypeViolation ? [verdict.contentTypeViolation] : [];
  problems.push(...[...verdict.schemaViolations, ...verdict.headerViolations].map(formatViolation));
  // What only the document forbids, in a request the vendor accepts, is reported, not wrong.
  const ownFaults = selfCheckFaults(response.headers['x-secmock-violations']);
  if (ownFaults.length > 0) problems.push(`self-check: ${ownFaults.join(' | ')}`);
  return problems.map((p) => `${operation.operationId} ${response.status}: ${p}`);
}

/** The mock's findings on its own answer in `x-secmock-violations` (`N; a | b | c`), departures left out. */
function selfCheckFaults(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .replace(/^\d+; /, '')
    .split(' | ')
    .filter((item) => !item.startsWith('document-only: '));
}

/** An edge refusal must look like the vendor's validation refusal of the operation it was aimed at. */
function envelopeProblems(
  spec: SpecModel,
  target: Operation,
  response: RawResponse,
  validator: ResponseValidator,
): string[] {
  const status = spec.errors.validation.status;
  const verdict = validator.check(target, {
    status,
    headers: { 'content-type': response.headers['content-type'] ?? '' },
    body: response.json ?? response.text,
  });
  if (!verdict.documented) return [`${target.operationId} documents no ${status} envelope to compare with`];
  const problems = verdict.contentTypeViolation ? [verdict.contentTypeViolation] : [];
  problems.push(...verdict.schemaViolations.map(formatViolation));
  return problems.map((p) => `edge ${response.status} (checked as ${spec.id}'s ${status} envelope): ${p}`);
}
