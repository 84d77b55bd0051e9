import { seededUuid } from '../../../generate';
import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome, type ResourceRuntime } from '../../../mock';
import { HOME_ACCOUNT, STATUS, nowSeconds, resourceOf, save } from '../common';

/**
 * The account (tenant). The caller's own account always exists: the fixtures store it, and a mock started
 * without fixtures creates it on first use, so logins and `GET /api/v1/accounts/example` work either way.
 */
export function homeAccount(seed: number, nowMs: number): Entity {
  const created = nowSeconds(nowMs) - 400 * 86_400;
  return {
    uuid: seededUuid(seed, 'lacework-account', HOME_ACCOUNT),
    name: HOME_ACCOUNT,
    display_name: 'Example Corp',
    org: 'Example Corp',
    domain: 'example.com',
    allowed_email_domains: ['example.com', 'example.org'],
    location: 'us-west-2',
    shard: 'us1',
    backend_shard: 'us1-b',
    status: STATUS.ACTIVE,
    session_ttl_sec: 86_400,
    mfa_provider: 0,
    has_logo: false,
    view_pii_tags: ['role:1'],
    feature_flags: { enable_dns_capture: true, support_multiple_idps: false, skip_analytics: false },
    create_time: created,
    update_time: created,
  };
}

function ensureHome(accounts: ResourceRuntime, seed: number, nowMs: number): Entity {
  return accounts.find(HOME_ACCOUNT) ?? save(accounts, homeAccount(seed, nowMs));
}

/** The stored account of this name; the home account is created when missing. */
export function accountEntity(ctx: BehaviourContext, name: string): Entity | undefined {
  const accounts = resourceOf(ctx, 'accounts');
  if (name === HOME_ACCOUNT) return ensureHome(accounts, ctx.seed, ctx.clock.now());
  return accounts.find(name);
}

/** GET /api/v1/accounts/{name}: the account, its onboarding mirroring the onboarding singleton. */
function getAccount(ctx: BehaviourContext): Outcome {
  const name = String(ctx.request.path.name ?? '');
  const account = accountEntity(ctx, name);
  if (!account) return fail('notFound', `accounts '${name}' not found`);
  const onboarding = name === HOME_ACCOUNT ? resourceOf(ctx, 'onboarding').find(undefined) : undefined;
  return ok(onboarding ? { ...account, onboarding } : account);
}

export const accountBehaviours = { getAccount };
