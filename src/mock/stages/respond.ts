import type { PlainResponse } from '../../http/types';
import { generateFromSchema } from '../../generate/from-schema';
import { createFaker, hashSeed } from '../../generate/seed';
import type { ErrorKind, Operation, ResponseSpec, SpecModel } from '../../openapi/model';
import { successStatus } from '../../openapi/status';
import { findResponse } from '../../openapi';
import { formatViolation } from '../../schema';
import type { Outcome } from '../outcome';
import type { MockRuntime } from '../engine';
import { renderTemplate } from '../crud/template';

export const VIOLATIONS_HEADER = 'x-secmock-violations';

/** A refusal in the vendor's own envelope: the spec's template for that kind, filled with the messages. */
export function errorResponse(
  spec: SpecModel,
  operation: Operation | undefined,
  kind: ErrorKind,
  messages: string[],
): PlainResponse {
  const template = { ...spec.errors, ...(operation?.mock.errors ?? {}) }[kind];
  const body = renderTemplate(template.body, { message: messages.join('; '), messages });
  return { status: template.status, headers: { 'content-type': 'application/json' }, body };
}

export function toResponse(spec: SpecModel, operation: Operation, outcome: Outcome): PlainResponse {
  if (outcome.kind === 'fail') return errorResponse(spec, operation, outcome.error, outcome.messages);
  const status = outcome.status ?? successStatus(operation) ?? 200;
  const documented = findResponse(operation, status);
  const media =
    documented?.content.find((m) => m.contentType === 'application/json') ?? documented?.content[0];
  const headers: Record<string, string> = {
    ...documentedHeaders(operation, documented),
    ...(outcome.headers ?? {}),
  };
  if (!media) return { status, headers };
  headers['content-type'] = media.contentType;
  return { status, headers, body: outcome.body };
}

/** Headers the spec requires on this response, with a value generated from their schema (stable per operation). */
function documentedHeaders(operation: Operation, response: ResponseSpec | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of response?.headers ?? []) {
    if (!header.required) continue;
    const faker = createFaker(
      hashSeed(operation.specId, operation.operationId, response?.status ?? '', header.name),
    );
    headers[header.name] = String(
      generateFromSchema(header.schema ?? { type: 'string' }, { faker, now: 0 }, header.name),
    );
  }
  return headers;
}

/**
 * The mock checks its own answer against the spec. A violation is a secmock bug (or a spec mistake): it
 * is logged once and exposed in a response header, never silent. Returns the violation messages.
 */
export function selfCheck(runtime: MockRuntime, operation: Operation, response: PlainResponse): string[] {
  const verdict = runtime.responseValidator.check(operation, {
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
    response.headers[VIOLATIONS_HEADER] = headerSafe(
      `${problems.length}; ${problems.slice(0, 3).join(' | ')}`,
    );
    runtime.warnOnce(
      `${operation.specId} ${operation.operationId} answered ${response.status} against its spec: ${problems.join('; ')}`,
    );
  }
  return problems;
}

function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1000);
}
