import { Credentials, ISSUED_CREDENTIALS } from '../credentials';
import type { Entity, Store } from '../../state/store';
import { HOME_ACCOUNT, ROLE, STATUS, nowSeconds, resourceOf, save } from './lacework-common';
import type { AdminContext, BehaviourContext } from './types';

/**
 * Who is calling. A session is stored when a login succeeds; the JWT the client then sends names it. The JWT
 * of `tokenLogin` is minted by the engine after the behaviour ran (x-secmock issuedBy), so the behaviour
 * binds the session to the serial the engine will use next (its `sub` is `laceworkJwt-<serial>`); the JWT
 * of `login` is minted here and carries the session id itself.
 */
export const JWT_SCHEME = 'laceworkJwt';
export const API_TOKEN_SCHEME = 'laceworkApiToken';
const JWT_SESSIONS = '$laceworkJwtSessions';
const ENGINE_JWT_COUNTER = `$issued:${JWT_SCHEME}`;
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

function sessionUuidOf(store: Store, claims: JwtClaims): string | undefined {
  if (claims.sid) return claims.sid;
  const serial = /^laceworkJwt-(\d+)$/.exec(claims.sub ?? '')?.[1];
  return serial
    ? (store.collection(JWT_SESSIONS).get(serial)?.session_uuid as string | undefined)
    : undefined;
}

/** The caller's session and user; without one (a JWT the mock did not see minted) the account's admin. */
export function callerOf(ctx: BehaviourContext): Caller {
  const token = bearerOf(ctx);
  const claims = token ? decodeJwt(token) : undefined;
  const sessionUuid = claims ? sessionUuidOf(ctx.store, claims) : undefined;
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

/** Binds a session to the JWT the engine mints right after this behaviour (tokenLogin's issuedBy). */
export function bindEngineJwt(ctx: BehaviourContext, session: Entity): void {
  const serial = (ctx.store.getCounter(ENGINE_JWT_COUNTER) ?? 0) + 1;
  ctx.store.collection(JWT_SESSIONS).put(serial, { serial, session_uuid: session.uuid });
}

/** A well-formed mock JWT for a SAML login, naming its session; valid for laceworkJwt from now on. */
export function mintSessionJwt(ctx: BehaviourContext, session: Entity): string {
  const iat = nowSeconds(ctx.clock.now());
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const faker = ctx.faker('jwt', String(session.uuid));
  const signature = Buffer.from(Array.from({ length: 32 }, () => faker.number.int(255))).toString(
    'base64url',
  );
  const claims = { iss: 'secmock', sub: `laceworkSaml-${String(session.uuid)}`, sid: session.uuid, iat };
  const jwt = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, exp: iat + SESSION_TTL_SEC })}.${signature}`;
  ctx.credentials.issue(JWT_SCHEME, jwt);
  return jwt;
}

/** A created token's secret becomes a valid API token (tokenLogin still checks its status before login). */
export function issueApiToken(ctx: BehaviourContext, secret: string): void {
  ctx.credentials.issue(API_TOKEN_SCHEME, secret);
}

/** Virtual time passed: JWTs whose `exp` is behind the clock stop being accepted. */
export function expireJwts(ctx: AdminContext, _fromMs: number, toMs: number): void {
  const credentials = new Credentials(ctx.store, []);
  for (const issued of ctx.store.collection(ISSUED_CREDENTIALS).list()) {
    if (issued.scheme !== JWT_SCHEME || typeof issued.value !== 'string') continue;
    const exp = decodeJwt(issued.value)?.exp;
    if (typeof exp === 'number' && exp <= nowSeconds(toMs)) credentials.revoke(JWT_SCHEME, issued.value);
  }
}
