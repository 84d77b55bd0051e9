import type { Entity } from '../../../state';
import { type BehaviourContext, ok, type Outcome } from '../../../mock';
import { resourceOf, stringList } from '../common';
import { answerItems } from './lists';
import { claimForTenant } from './tenant';
import {
  appSelectors,
  displayNameOfSelector,
  filterSelectorsOf,
  filterSelects,
  resolveReference,
  userSelectors,
} from '../references';

/**
 * "Which access rules and policies apply to this user on this app?" Both queries take `appid` and `userid`;
 * an empty one matches any app (user), so the same query also answers "by user" or "by app".
 */
interface Subject {
  appMatches(selectors: string[]): boolean;
  appFilterMatches(filter: unknown): boolean;
  userMatches(selectors: string[]): boolean;
  sessionFilterMatches(filter: unknown): boolean;
}

function subjectOf(ctx: BehaviourContext): Subject {
  const appid = String(ctx.request.query.appid ?? '');
  const userid = String(ctx.request.query.userid ?? '');
  const apps = appSelectors(appid, resourceOf(ctx, 'apps').find(appid));
  const users = userSelectors(userid, resourceOf(ctx, 'users').find(userid));
  return {
    appMatches: (list) => appid === '' || list.some((s) => apps.has(s)),
    appFilterMatches: (filter) => appid === '' || filterSelects(filter, apps),
    userMatches: (list) => userid === '' || list.some((s) => users.has(s)),
    sessionFilterMatches: (filter) => userid === '' || filterSelects(filter, users),
  };
}

/** The apps, groups and users an access list names, each once, in first-seen order. */
function referencedBy(ctx: BehaviourContext, accesses: Entity[]) {
  const found = {
    apps: new Map<string, Entity>(),
    groups: new Map<string, Entity>(),
    users: new Map<string, Entity>(),
  };
  for (const access of accesses) {
    for (const ref of stringList(access.app_list)) {
      const app = resolveReference(ctx, ref, ['app']);
      if (app) found.apps.set(String(app.entity.uuid), app.entity);
    }
    for (const ref of stringList(access.user_list)) {
      const member = resolveReference(ctx, ref, ['user', 'group']);
      if (member)
        found[member.kind === 'user' ? 'users' : 'groups'].set(String(member.entity.uuid), member.entity);
    }
  }
  return {
    apps: [...found.apps.values()],
    groups: [...found.groups.values()],
    users: [...found.users.values()],
  };
}

function queryAccesses(ctx: BehaviourContext): Outcome {
  const subject = subjectOf(ctx);
  const accesses = resourceOf(ctx, 'accesses')
    .collection.list()
    .filter(
      (a) => subject.appMatches(stringList(a.app_list)) && subject.userMatches(stringList(a.user_list)),
    );
  return ok({ accesses, ...referencedBy(ctx, accesses) });
}

function withDisplayNames(ctx: BehaviourContext, policy: Entity): Entity {
  const selectors = [...filterSelectorsOf(policy.app_filter), ...filterSelectorsOf(policy.session_filter)];
  const names = Object.fromEntries(selectors.map((s) => [s, displayNameOfSelector(ctx, s)]));
  return { ...policy, filter_selector_display_names: names };
}

function queryPolicies(ctx: BehaviourContext): Outcome {
  const subject = subjectOf(ctx);
  const resolve = String(ctx.request.query.resolveDisplayNames ?? '').toLowerCase() === 'true';
  const policies = resourceOf(ctx, 'policies')
    .collection.list()
    .filter((p) => subject.appFilterMatches(p.app_filter) && subject.sessionFilterMatches(p.session_filter))
    .map((p) => (resolve ? withDisplayNames(ctx, p) : p));
  return answerItems(ctx, policies);
}

/** Stores the app as createApp does; the mock derives no policies from a deployment. */
function deployApp(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  const outcome = ctx.generic();
  if (outcome.kind !== 'ok') return outcome;
  return ok({ app: outcome.body, new_policies: [] }, 200);
}

export const directoryBehaviours = { queryAccesses, queryPolicies, deployApp };
