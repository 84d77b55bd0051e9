import type { PlainRequest } from '../../http';
import type { Operation, SecurityRequirement, SecuritySchemeSpec, SpecModel } from '../../openapi';
import type { Credentials } from '../services/credentials';
import { refusal, type Answer } from './answer';

export type AuthResult = { ok: true } | { ok: false; kind: 'unauthorized' | 'forbidden'; message: string };

/** Reads the credential a scheme expects from the request, or undefined when absent. */
export function readCredential(scheme: SecuritySchemeSpec, request: PlainRequest): string | undefined {
  if (scheme.type === 'apiKey' && scheme.paramName) {
    const name = scheme.paramName.toLowerCase();
    if (scheme.in === 'header') return request.headers[name] || undefined;
    if (scheme.in === 'query') {
      const value = request.query[scheme.paramName];
      return Array.isArray(value) ? value[0] : value || undefined;
    }
    if (scheme.in === 'cookie') {
      // A value may itself hold '=' (base64 padding): only the first one separates name and value.
      const pairs = (request.headers.cookie ?? '').split(';').map((c) => c.trim());
      const pair = pairs.find((c) => c.slice(0, c.indexOf('=')) === scheme.paramName);
      return pair === undefined ? undefined : pair.slice(pair.indexOf('=') + 1) || undefined;
    }
  }
  if (scheme.type === 'http') {
    const [kind, ...rest] = (request.headers.authorization ?? '').trim().split(/\s+/);
    if (kind?.toLowerCase() !== scheme.httpScheme || rest.length === 0) return undefined;
    return rest.join(' ');
  }
  return undefined;
}

function describeScheme(scheme: SecuritySchemeSpec): string {
  if (scheme.type === 'apiKey') return `the ${scheme.in ?? 'header'} '${scheme.paramName ?? ''}'`;
  if (scheme.type === 'http')
    return `an 'Authorization: ${scheme.httpScheme === 'bearer' ? 'Bearer' : scheme.httpScheme} <token>' header`;
  return `${scheme.type} credentials`;
}

/** The stage: a request the operation's security refuses gets the vendor's 401/403 envelope. */
export function refuseUnauthenticated(
  spec: SpecModel,
  operation: Operation,
  request: PlainRequest,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  credentials: Credentials,
): Answer | undefined {
  const auth = authenticate(operation, request, schemes, credentials);
  return auth.ok ? undefined : refusal(spec, operation, auth.kind, [auth.message]);
}

/**
 * OpenAPI security: the request passes when any alternative passes, and an alternative passes when all of
 * its requirements do. The refusal reported is the most informative one (a wrong scope beats a missing key).
 */
export function authenticate(
  operation: Operation,
  request: PlainRequest,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  credentials: Credentials,
): AuthResult {
  if (operation.security.length === 0) return { ok: true };
  let best: AuthResult | undefined;
  for (const alternative of operation.security) {
    const result = checkAlternative(alternative, request, schemes, credentials);
    if (result.ok) return result;
    if (!best || (result.kind === 'forbidden' && !best.ok && best.kind !== 'forbidden')) best = result;
  }
  return best ?? { ok: true };
}

function checkAlternative(
  requirements: SecurityRequirement[],
  request: PlainRequest,
  schemes: ReadonlyMap<string, SecuritySchemeSpec>,
  credentials: Credentials,
): AuthResult {
  for (const requirement of requirements) {
    const scheme = schemes.get(requirement.scheme);
    if (!scheme)
      return { ok: false, kind: 'unauthorized', message: `unknown security scheme ${requirement.scheme}` };
    const value = readCredential(scheme, request);
    if (value === undefined) {
      return {
        ok: false,
        kind: 'unauthorized',
        message: `Missing credentials: send ${describeScheme(scheme)}.`,
      };
    }
    const grant = credentials.lookup(scheme.name, value);
    if (!grant) {
      return {
        ok: false,
        kind: 'unauthorized',
        message: `Invalid or expired credentials in ${describeScheme(scheme)}.`,
      };
    }
    const missing = requirement.scopes.filter(
      (scope) => grant.scopes !== undefined && !grant.scopes.includes(scope),
    );
    if (missing.length > 0) {
      return {
        ok: false,
        kind: 'forbidden',
        message: `The credential lacks the scope ${missing.join(', ')}.`,
      };
    }
  }
  return { ok: true };
}
