import { seededUuid } from '../../../generate';
import type { Entity } from '../../../state';
import { type BehaviourContext, ok, type Outcome, type ResourceRuntime } from '../../../mock';
import { HOME_ACCOUNT, STATUS, nowSeconds, resourceOf, save } from '../common';

/**
 * The account (tenant). The mock serves one (HOME_ACCOUNT): the fixtures store it, a mock started without
 * fixtures creates it on first use, and every account name a client uses names it, so logins and
 * `GET /api/v1/accounts/<the client's account name>` work either way.
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

/** The one tenant, whatever account name the client used; created when missing. */
export function tenantAccount(ctx: BehaviourContext): Entity {
  return ensureHome(resourceOf(ctx, 'accounts'), ctx.seed, ctx.clock.now());
}

/** GET /api/v1/accounts/{name}: the tenant, its onboarding mirroring the onboarding singleton. */
function getAccount(ctx: BehaviourContext): Outcome {
  const account = tenantAccount(ctx);
  const onboarding = resourceOf(ctx, 'onboarding').find(undefined);
  return ok(onboarding ? { ...account, onboarding } : account);
}

export const accountBehaviours = { getAccount };
