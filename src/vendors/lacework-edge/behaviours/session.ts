import type { Collection, Entity } from '../../../state';
import { HOME_ACCOUNT, ROLE, STATUS, nowSeconds, resourceOf, save } from '../common';
import type { BehaviourContext } from '../../../mock';

/**
 * Who is calling. A session is stored when a login succeeds; the JWT minted for it names it (`sid`) and
 * expires with it on the mock clock. (The engine keeps a credential a behaviour already minted.)
 */
export const JWT_SCHEME = 'laceworkJwt';
export const API_TOKEN_SCHEME = 'laceworkApiToken';
const SESSION_TTL_SEC = 86_400;

export interface Caller {
  account: string;
  user?: Entity;
  session?: Entity;
}

interface JwtClaims {
  sub?: string;
  sid?: string;
  exp?: number;
}

export function decodeJwt(token: string): JwtClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims !== null && typeof claims === 'object' ? (claims as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

export function bearerOf(ctx: BehaviourContext): string | undefined {
  const [kind, value] = (ctx.request.headers.authorization ?? '').trim().split(/\s+/);
  return kind?.toLowerCase() === 'bearer' && value ? value : undefined;
}

/** The caller's session and user; without one (a JWT the mock did not see minted) the account's admin. */
export function callerOf(ctx: BehaviourContext): Caller {
  const token = bearerOf(ctx);
  const claims = token ? decodeJwt(token) : undefined;
  const sessionUuid = claims?.sid;
  const session = sessionUuid ? resourceOf(ctx, 'sessions').find(sessionUuid) : undefined;
  const account = String(session?.account_name ?? HOME_ACCOUNT);
  const users = resourceOf(ctx, 'users');
  const user = session?.user_uuid ? users.find(session.user_uuid) : defaultUser(ctx, account);
  return { account, user, session };
}

/** The account's first ACTIVE administrator, else its first ACTIVE user. */
export function defaultUser(ctx: BehaviourContext, account: string): Entity | undefined {
  const active = resourceOf(ctx, 'users')
    .collection.list()
    .filter((u) => u.account_name === account && u.status === STATUS.ACTIVE);
  return active.find((u) => u.role === ROLE.ADMIN) ?? active[0];
}

export function displayNameOf(user: Entity | undefined): string | undefined {
  return typeof user?.display_name === 'string' ? user.display_name : undefined;
}

export interface SessionInput {
  account: string;
  user?: Entity;
  loginType: number;
  /** The role the session acts with (a token's role); default the user's. */
  role?: unknown;
  viewPiiLogOnly?: boolean;
}

/** Stores a new ACTIVE session that expires with its JWT (one day). */
export function openSession(ctx: BehaviourContext, input: SessionInput): Entity {
  const sessions = resourceOf(ctx, 'sessions');
  dropOldestSessions(ctx, sessions.collection);
  ctx.tick();
  const now = nowSeconds(ctx.clock.now());
  const session: Entity = {
    uuid: sessions.nextKey(),
    account_name: input.account,
    user_uuid: input.user?.uuid,
    user_role: input.role ?? input.user?.role,
    login_type: input.loginType,
    status: STATUS.ACTIVE,
    ttl_sec: SESSION_TTL_SEC,
    expire_time_sec: now + SESSION_TTL_SEC,
    view_pii_log_only: input.viewPiiLogOnly ?? false,
  };
  sessions.stampCreated(session);
  return save(sessions, session);
}

/**
 * Past the limit of issued credentials the oldest JWTs expire (see Credentials.issue), so their sessions are
 * dead: drop them too, oldest first, so that a long run of logins keeps memory flat.
 */
function dropOldestSessions(ctx: BehaviourContext, sessions: Collection): void {
  const excess = sessions.size - ctx.credentials.maxIssued + 1;
  if (excess <= 0) return;
  for (const [key] of sessions.entries().slice(0, excess)) sessions.remove(key);
}

/** A well-formed mock JWT naming its session; valid for laceworkJwt until the session expires. */
export function mintSessionJwt(ctx: BehaviourContext, session: Entity): string {
  const iat = nowSeconds(ctx.clock.now());
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const faker = ctx.faker('jwt', String(session.uuid));
  const signature = Buffer.from(Array.from({ length: 32 }, () => faker.number.int(255))).toString(
    'base64url',
  );
  const claims = { iss: 'secmock', sub: `laceworkSaml-${String(session.uuid)}`, sid: session.uuid, iat };
  const jwt = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, exp: iat + SESSION_TTL_SEC })}.${signature}`;
  ctx.credentials.issue(JWT_SCHEME, jwt, { expiresAt: (iat + SESSION_TTL_SEC) * 1000 });
  return jwt;
}

/** A created token's secret becomes a valid API token (tokenLogin still checks its status before login). */
export function issueApiToken(ctx: BehaviourContext, secret: string): void {
  ctx.credentials.issue(API_TOKEN_SCHEME, secret);
}
