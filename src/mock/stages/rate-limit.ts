import type { PlainRequest } from '../../http';
import type { Operation, SecuritySchemeSpec, SpecModel } from '../../openapi';
import type { RateLimiter } from '../services/rate-limiter';
import { refusal, type Answer } from './answer';
import { readCredential } from './authenticate';

/**
 * The vendor's documented rate limit, counted per credential on the mock's clock: over it, the vendor's
 * `rateLimited` envelope with `Retry-After`. Runs after authentication, so only a known caller is counted.
 */
export function refuseOverRate(
  limiter: RateLimiter | undefined,
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  now: number,
): Answer | undefined {
  const limit = spec.rateLimit;
  if (!limiter || !limit) return undefined;
  const caller = credentialOf(operation, request, schemes) ?? `peer ${request.remoteAddress ?? ''}`;
  const wait = limiter.take(`${spec.id}\u0000${caller}`, limit, now);
  if (wait === undefined) return undefined;
  const answer = refusal(spec, operation, 'rateLimited', [
    `more than ${limit.requests} requests in ${limit.seconds} s with this credential; retry after ${wait} s`,
  ]);
  answer.response = {
    ...answer.response,
    headers: { ...answer.response.headers, 'retry-after': String(wait) },
  };
  return answer;
}

/** The credential the request authenticated with: the first the operation's security finds in it. */
function credentialOf(
  operation: Operation,
  request: PlainRequest,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
): string | undefined {
  for (const alternative of operation.security)
    for (const requirement of alternative) {
      const scheme = schemes.get(requirement.scheme);
      const value = scheme && readCredential(scheme, request);
      if (value !== undefined) return `${requirement.scheme} ${value}`;
    }
  return undefined;
}
