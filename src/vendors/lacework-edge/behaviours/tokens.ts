import type { Faker } from '@faker-js/faker';
import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { STATUS, body, nowSeconds, resourceOf, save } from '../common';
import { callerOf, displayNameOf, issueApiToken, type Caller } from './session';

/**
 * API tokens (the API document's Create Token, Create Temporary Access Token, Query Tokens). The secret is
 * answered in clear once, at creation, and becomes a valid `laceworkApiToken` credential; whether it may
 * log in is then tokenLogin's decision (its status, expiry and single use). The document wants
 * `account_name` empty or the session's account: with one tenant, every account name a client sends is
 * the session's account, and the token names the tenant (tenant.ts). A `user_uuid` must name a stored
 * user (a behavioural precondition, 400); the spec requires one for a temporary token.
 */
interface TokenRequest {
  name?: string;
  description?: string;
  role?: number;
  status?: number;
  ttl_sec?: number;
  user_uuid?: string;
}

const TEMPORARY_TTL_DEFAULT_SEC = 3600;

export function tokenSecret(faker: Faker): string {
  return `lwe_${faker.string.alphanumeric({ length: 40, casing: 'mixed' })}`;
}

export function loginUrl(account: string): string {
  return `https://${account}.lacework.net/api/v1/token_login?account=${account}`;
}

/** Stores a token created by the caller and answers it with its secret in clear (this once). */
function storeToken(ctx: BehaviourContext, caller: Caller, fields: Entity, ttlSec: number): Outcome {
  const tokens = resourceOf(ctx, 'tokens');
  ctx.tick();
  const uuid = tokens.nextKey();
  const secret = tokenSecret(ctx.faker('token-secret', String(uuid)));
  const token: Entity = {
    ...fields,
    uuid,
    account_name: caller.account,
    creator_uuid: caller.user?.uuid,
    creator_display_name: displayNameOf(caller.user),
    creator_role: caller.user?.role,
    algo: 'HS256',
    secret,
  };
  if (ttlSec > 0) token.expire_time_sec = nowSeconds(ctx.clock.now()) + ttlSec;
  tokens.stampCreated(token);
  issueApiToken(ctx, secret);
  return ok(save(tokens, token), 201);
}

function createToken(ctx: BehaviourContext): Outcome {
  const request = body<TokenRequest>(ctx);
  const caller = callerOf(ctx);
  const userUuid = request.user_uuid || caller.user?.uuid;
  if (request.user_uuid && !resourceOf(ctx, 'users').find(request.user_uuid))
    return fail('precondition', `user_uuid '${request.user_uuid}' is not a user of the account.`);
  const fields: Entity = {
    name: request.name ?? '',
    description: request.description ?? '',
    status: request.status || STATUS.ACTIVE,
    role: request.role ?? caller.user?.role,
    user_uuid: userUuid,
    view_pii_log_only: false,
  };
  return storeToken(ctx, caller, fields, request.ttl_sec ?? 0);
}

function createTemporaryToken(ctx: BehaviourContext): Outcome {
  const request = body<TokenRequest>(ctx);
  const caller = callerOf(ctx);
  const user = request.user_uuid ? resourceOf(ctx, 'users').find(request.user_uuid) : undefined;
  if (!user)
    return fail('precondition', `user_uuid '${request.user_uuid ?? ''}' is not a user of the account.`);
  const fields: Entity = {
    name: `Log access for ${displayNameOf(user) ?? String(user.uuid)}`,
    description: 'Temporary token for viewing a user log',
    status: STATUS.ACTIVE,
    role: caller.user?.role,
    user_uuid: user.uuid,
    view_pii_log_only: true,
    login_url: loginUrl(caller.account),
  };
  const ttl = request.ttl_sec && request.ttl_sec > 0 ? request.ttl_sec : TEMPORARY_TTL_DEFAULT_SEC;
  return storeToken(ctx, caller, fields, ttl);
}

/** ACTIVE tokens, or every token but the deleted ones with `get_all`; never the secret. */
function listTokens(ctx: BehaviourContext): Outcome {
  const all = ctx.request.query.get_all === true || ctx.request.query.get_all === 'true';
  const account = callerOf(ctx).account;
  const items = resourceOf(ctx, 'tokens')
    .collection.list()
    .filter((t) => t.account_name === account)
    .filter((t) => (all ? t.status !== STATUS.DELETED : t.status === STATUS.ACTIVE))
    .map((t) => {
      const shown = { ...t };
      delete shown.secret;
      return shown;
    });
  return ok(ctx.render(ctx.operation.mock.response, { items }));
}

export const tokenBehaviours = { createToken, createTemporaryToken, listTokens };
