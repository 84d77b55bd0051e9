import type { PlainResponse } from '../../http';
import { createFaker, generateFromSchema, hashSeed } from '../../generate';
import {
  findResponse,
  successStatus,
  type Operation,
  type ResponseSpec,
  type SpecModel,
} from '../../openapi';
import type { Outcome } from '../outcome';
import { errorResponse } from './envelope';

/**
 * What was decided, as HTTP: a refusal in the vendor's envelope, or the success status with its documented
 * content type and the headers the spec requires on it.
 */
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
