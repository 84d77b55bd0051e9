import { fail, ok, type BehaviourContext, type Outcome } from '../../../mock';
import type { Entity } from '../../../state';
import { LOCAL_DATA_SOURCE, ROLE, STATUS, nowSeconds, resourceOf, save } from '../common';
import { tenantAccount } from './accounts';
import { API_TOKEN_SCHEME, bearerOf, defaultUser, mintSessionJwt, openSession } from './session';

/**
 * Logins (the API document's Login and TokenLogin). `account` is the customer's own tenant name, whatever
 * it is: the mock serves one tenant (HOME_ACCOUNT), so any account name logs in to it and the session names
 * it by its one name. A refused login answers 403, as the spec documents: the engine's auth stage accepts
 * every API token the mock issued (it only knows valid values), and tokenLogin decides whether the token
 * may log in now (ACTIVE, not expired, single-use not spent).
 */
const LOGIN_TYPE = { saml: 1, token: 2 } as const;
const SPENT_TOKENS = '$laceworkSpentTokens';

/** The account's default user; a SAML login to an account without one creates it, as an IdP would. */
function loginUser(ctx: BehaviourContext, account: string): Entity {
  const existing = defaultUser(ctx, account);
  if (existing) return existing;
  const users = resourceOf(ctx, 'users');
  ctx.tick();
  const user = users.complete(
    {
      uuid: users.nextKey(),
      account_name: account,
      display_name: `${account} administrator`,
      role: ROLE.ADMIN,
      status: STATUS.ACTIVE,
      data_source: LOCAL_DATA_SOURCE,
      tags: [],
    },
    account,
  );
  users.stampCreated(user);
  return save(users, user);
}

function login(ctx: BehaviourContext): Outcome {
  const account = String(tenantAccount(ctx).name);
  const session = openSession(ctx, { account, user: loginUser(ctx, account), loginType: LOGIN_TYPE.saml });
  return ok({ ...session, token: mintSessionJwt(ctx, session) });
}

/** Why a stored token may not log in now, or undefined when it may. */
function tokenRefusal(ctx: BehaviourContext, token: Entity): string | undefined {
  if (token.status !== STATUS.ACTIVE) return 'The token is not active (suspended or deleted).';
  const expires = Number(token.expire_time_sec ?? 0);
  if (expires > 0 && expires <= nowSeconds(ctx.clock.now())) return 'The token has expired.';
  if (ctx.store.collection(SPENT_TOKENS).has(token.uuid)) return 'The single-use token was already used.';
  return undefined;
}

function tokenLogin(ctx: BehaviourContext): Outcome {
  const account = String(tenantAccount(ctx).name);
  const secret = bearerOf(ctx);
  const tokens = resourceOf(ctx, 'tokens');
  // A configured API token (the spec's default, or one given with --credentials) acts as the account's
  // first user; any other must be a stored token of the account.
  const configured = secret !== undefined && ctx.credentials.isConfigured(API_TOKEN_SCHEME, secret);
  const token = configured ? undefined : tokens.collection.find((t) => t.secret === secret);
  if (!configured && !token) return fail('forbidden', 'The API token is not known.');
  const refusal = token && tokenRefusal(ctx, token);
  if (refusal) return fail('forbidden', refusal);
  const user = token?.user_uuid ? resourceOf(ctx, 'users').find(token.user_uuid) : loginUser(ctx, account);
  if (token && Number(token.expire_time_sec ?? 0) > 0)
    ctx.store.collection(SPENT_TOKENS).put(token.uuid, { uuid: token.uuid });
  const session = openSession(ctx, {
    account,
    user,
    loginType: LOGIN_TYPE.token,
    role: token?.role,
    viewPiiLogOnly: token?.view_pii_log_only === true,
  });
  return ok({ ...session, token: mintSessionJwt(ctx, session) });
}

export const authBehaviours = { login, tokenLogin };
