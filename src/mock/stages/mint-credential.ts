import { hashSeed, seededRandom } from '../../generate';
import type { Operation } from '../../openapi';
import type { Outcome } from '../outcome';
import type { SecuritySchemeSpec } from '../../openapi';
import type { Store } from '../../state';
import type { MockClock } from '../services/clock';
import type { Credentials } from '../services/credentials';

/** What minting needs: the schemes a login issues, a serial in the store, the seed and the clock. */
export interface MintDeps {
  schemes: ReadonlyMap<string, SecuritySchemeSpec>;
  store: Store;
  seed: number;
  clock: MockClock;
  credentials: Credentials;
}

/**
 * An operation named by a security scheme's `issuedBy` (a login) mints a credential: the value goes into
 * the response field the scheme names and becomes valid for that scheme. JWT-format schemes get a
 * well-formed (unsigned-looking, mock) JWT. A behaviour that already answered with a valid credential of
 * its own (a session-bound JWT) keeps it.
 */
export function mintCredential(deps: MintDeps, operation: Operation, outcome: Outcome): Outcome {
  if (outcome.kind !== 'ok') return outcome;
  const schemes = [...deps.schemes.values()].filter((s) => s.issuedBy?.operationId === operation.operationId);
  if (schemes.length === 0 || outcome.body === null || typeof outcome.body !== 'object') return outcome;
  const body = { ...(outcome.body as Record<string, unknown>) };
  for (const scheme of schemes) {
    const field = scheme.issuedBy?.field as string;
    const given = body[field];
    if (typeof given === 'string' && deps.credentials.lookup(scheme.name, given)) continue;
    const serial = deps.store.nextCounter(`$issued:${scheme.name}`, 1);
    const value = makeToken(deps.seed, scheme.name, serial, deps.clock.now());
    deps.credentials.issue(scheme.name, value);
    body[field] = value;
  }
  return { ...outcome, body };
}

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

function makeToken(seed: number, scheme: string, serial: number, now: number): string {
  const random = seededRandom(hashSeed(seed, scheme, serial));
  const signature = Array.from({ length: 32 }, () => Math.floor(random() * 256));
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ iss: 'secmock', sub: `${scheme}-${serial}`, iat, exp: iat + 86_400 }),
  );
  return `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
}
