/** Plain and validated requests for unit tests, with empty defaults. */
import type { PlainRequest } from '../../../src/http/types';
import type { ValidatedRequest } from '../../../src/validate/request';

export function plainRequest(overrides: Partial<PlainRequest> = {}): PlainRequest {
  return { method: 'get', path: '/things', query: {}, headers: {}, ...overrides };
}

export function validatedRequest(overrides: Partial<ValidatedRequest> = {}): ValidatedRequest {
  return { path: {}, query: {}, headers: {}, body: undefined, ...overrides };
}
