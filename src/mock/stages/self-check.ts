import type { PlainResponse } from '../../http';
import type { Operation } from '../../openapi';
import { formatViolation } from '../../schema';
import type { ResponseValidator } from '../../validate';

export const VIOLATIONS_HEADER = 'x-secmock-violations';

/**
 * The mock checks its own answer against the spec. A violation is a secmock bug (or a spec mistake): it is
 * logged once and exposed in a response header (violationsHeader), never silent. Returns the violations.
 */
export function selfCheck(
  validator: ResponseValidator,
  operation: Operation,
  response: PlainResponse,
  warn: (message: string) => void,
): string[] {
  const verdict = validator.check(operation, {
    status: response.status,
    headers: response.headers,
    body: response.body,
  });
  const problems: string[] = [];
  if (!verdict.documented) problems.push(`status ${response.status} is not documented`);
  if (verdict.contentTypeViolation) problems.push(verdict.contentTypeViolation);
  problems.push(
    ...verdict.schemaViolations.map(formatViolation),
    ...verdict.headerViolations.map(formatViolation),
  );
  if (problems.length > 0) {
    warn(
      `${operation.specId} ${operation.operationId} answered ${response.status} against its spec: ${problems.join('; ')}`,
    );
  }
  return problems;
}

/**
 * `x-secmock-violations`: how many, then the first three. What the request did that only the document
 * forbids comes first, marked `document-only:`; then what is wrong with the mock's own answer.
 */
export function violationsHeader(
  departures: string[],
  responseViolations: string[],
  fault?: string,
): string | undefined {
  const all = [
    ...(fault ? [`fault: injected ${fault}`] : []),
    ...departures.map((d) => `document-only: ${d}`),
    ...responseViolations,
  ];
  return all.length === 0 ? undefined : headerSafe(`${all.length}; ${all.slice(0, 3).join(' | ')}`);
}

function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
}
