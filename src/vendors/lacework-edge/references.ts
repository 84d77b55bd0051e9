import type { Entity } from '../../state';
import { SELECTOR, resourceOf, stringList } from './common';
import type { BehaviourContext } from '../../mock';

/**
 * How Lacework Edge objects point at each other. Workflow recipients are "a tag of user/group/role type";
 * the mock uses the same selector strings everywhere: `user:<uuid>`, `group:<uuid>`, `app:<uuid>`,
 * `role:<n>`, and any other string (or `tag:<t>`) is a plain tag. A user's group memberships are its
 * `group:<uuid>` tags. Access lists hold uuids (bare or prefixed); policy filters hold selectors.
 */
export interface FilterClause {
  all?: string[];
}
export interface Filter {
  include_any?: FilterClause[];
  exclude_any?: FilterClause[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function groupsOfUser(user: Entity | undefined): string[] {
  return stringList(user?.tags)
    .filter((t) => t.startsWith(SELECTOR.group))
    .map((t) => t.slice(SELECTOR.group.length));
}

function withTags(selectors: Set<string>, tags: string[]): Set<string> {
  for (const tag of tags) selectors.add(tag).add(`${SELECTOR.tag}${tag}`);
  return selectors;
}

/** Everything that selects this user: its uuid, its groups (bare and prefixed), its tags and role. */
export function userSelectors(userUuid: string, user: Entity | undefined): Set<string> {
  const selectors = new Set([userUuid, `${SELECTOR.user}${userUuid}`]);
  for (const group of groupsOfUser(user)) selectors.add(group);
  if (user?.role !== undefined) selectors.add(`${SELECTOR.role}${String(user.role)}`);
  return withTags(selectors, stringList(user?.tags));
}

export function appSelectors(appUuid: string, app: Entity | undefined): Set<string> {
  return withTags(new Set([appUuid, `${SELECTOR.app}${appUuid}`]), stringList(app?.tags));
}

const clausesOf = (value: unknown): string[][] =>
  (Array.isArray(value) ? (value as FilterClause[]) : [])
    .map((c) => stringList(c?.all))
    .filter((all) => all.length > 0);

/** A filter selects when an include clause (all of its selectors) matches, or there is none, and no exclude clause does. */
export function filterSelects(filter: unknown, selectors: Set<string>): boolean {
  const f = (filter ?? {}) as Filter;
  const hit = (all: string[]) => all.every((s) => selectors.has(s));
  const include = clausesOf(f.include_any);
  return (include.length === 0 || include.some(hit)) && !clausesOf(f.exclude_any).some(hit);
}

export function filterSelectorsOf(filter: unknown): string[] {
  const f = (filter ?? {}) as Filter;
  return [...clausesOf(f.include_any), ...clausesOf(f.exclude_any)].flat();
}

type Kind = 'user' | 'group' | 'app';
const RESOURCE: Record<Kind, string> = { user: 'users', group: 'groups', app: 'apps' };

/** The stored object a selector or uuid names, if it names one of these kinds. */
export function resolveReference(
  ctx: BehaviourContext,
  reference: string,
  kinds: Kind[],
): { kind: Kind; entity: Entity } | undefined {
  for (const kind of kinds) {
    const prefix = SELECTOR[kind];
    const id = reference.startsWith(prefix) ? reference.slice(prefix.length) : reference;
    const entity = resourceOf(ctx, RESOURCE[kind]).find(id);
    if (entity) return { kind, entity };
  }
  return undefined;
}

/** References that look like object ids (a uuid, or a user:/group:/app: selector) but name nothing stored. */
export function danglingReferences(ctx: BehaviourContext, references: string[], kinds: Kind[]): string[] {
  const prefixes = [SELECTOR.user, SELECTOR.group, SELECTOR.app];
  const looksLikeId = (r: string) => UUID.test(r) || prefixes.some((p) => r.startsWith(p));
  return references.filter((r) => looksLikeId(r) && !resolveReference(ctx, r, kinds));
}

/** The display name of a selector, for `filter_selector_display_names`. */
export function displayNameOfSelector(ctx: BehaviourContext, selector: string): string {
  const found = resolveReference(ctx, selector, ['user', 'group', 'app']);
  if (found) return String(found.entity.display_name ?? found.entity.name ?? selector);
  if (selector.startsWith(SELECTOR.role)) return `Role ${selector.slice(SELECTOR.role.length)}`;
  return selector.startsWith(SELECTOR.tag) ? selector.slice(SELECTOR.tag.length) : selector;
}
