import type { Entity } from '../../../state';
import { type BehaviourContext, fail, type Outcome, readLocation } from '../../../mock';
import { SELECTOR, STATUS, nowSeconds, resourceOf, respondWith, save, stringList } from '../common';
import { danglingReferences, filterSelectorsOf, groupsOfUser } from '../references';
import { claimForTenant } from './tenant';

/**
 * Writes that keep references consistent: a user's group tags, an access's user/app lists and a policy's
 * filters must name stored objects (a behavioural precondition the operations document: 400 otherwise,
 * nothing stored), and a group's `user_count` always equals the number of users (not deleted) that carry
 * its `group:<uuid>` tag. What they store names the one tenant (tenant.ts).
 */
/** The entity fields the write carries, where the operation's annotation says (`body`, `body.access`...). */
function inputOf(ctx: BehaviourContext): Entity {
  const source = ctx.operation.mock.entity;
  const value = source && !('template' in source) ? readLocation(ctx.request, source) : ctx.request.body;
  return (value !== null && typeof value === 'object' ? value : {}) as Entity;
}

function refuseDangling(dangling: string[], what: string): Outcome | undefined {
  if (dangling.length === 0) return undefined;
  return fail('precondition', ...dangling.map((ref) => `${what} '${ref}' names no stored object`));
}

/** Recounts members of every group (or of the given ones); a changed count moves membership_update_time. */
export function refreshGroupCounts(ctx: BehaviourContext, only?: string[]): void {
  const users = resourceOf(ctx, 'users')
    .collection.list()
    .filter((u) => u.status !== STATUS.DELETED);
  const groups = resourceOf(ctx, 'groups');
  for (const group of groups.collection.list()) {
    if (only && !only.includes(String(group.uuid))) continue;
    const count = users.filter((u) => groupsOfUser(u).includes(String(group.uuid))).length;
    if (group.user_count === count) continue;
    save(groups, { ...group, user_count: count, membership_update_time: nowSeconds(ctx.clock.now()) });
  }
}

function saveUser(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  const groupTags = stringList(inputOf(ctx).tags).filter((t) => t.startsWith(SELECTOR.group));
  const refused = refuseDangling(danglingReferences(ctx, groupTags, ['group']), 'tag');
  if (refused) return refused;
  const outcome = ctx.generic();
  if (outcome.kind === 'ok') refreshGroupCounts(ctx);
  return outcome;
}

/** The client does not set a group's member count: it is recounted from the users after every write. */
function saveGroup(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  const outcome = ctx.generic();
  if (outcome.kind !== 'ok') return outcome;
  const groups = resourceOf(ctx, 'groups');
  const id = String(ctx.request.path.uuid ?? (outcome.body as Entity).uuid);
  refreshGroupCounts(ctx, [id]);
  const stored = groups.find(id);
  return stored ? respondWith(ctx, stored) : outcome;
}

function saveAccess(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  const access = inputOf(ctx);
  const dangling = [
    ...danglingReferences(ctx, stringList(access.user_list), ['user', 'group']),
    ...danglingReferences(ctx, stringList(access.app_list), ['app']),
  ];
  return refuseDangling(dangling, 'access list entry') ?? ctx.generic();
}

function savePolicy(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  const policy = inputOf(ctx);
  const selectors = [...filterSelectorsOf(policy.app_filter), ...filterSelectorsOf(policy.session_filter)];
  const refused = refuseDangling(danglingReferences(ctx, selectors, ['user', 'group', 'app']), 'selector');
  return refused ?? ctx.generic();
}

export const integrityBehaviours = { saveUser, saveGroup, saveAccess, savePolicy };
