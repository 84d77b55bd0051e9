import type { Entity } from '../../state';
import { type BehaviourContext, ok, type Outcome, type ResourceRuntime } from '../../mock';

/**
 * Vocabulary shared by the Lacework Edge behaviours (the vendor's API document and usage pages): the one
 * tenant, the EnumStatus and Role values, and small helpers over the store.
 */

/**
 * The mock serves a single tenant. A client names it by its own account name (`account=acme-corp`,
 * `account_name: acme-corp`); whatever name it uses is this tenant, and every object names it by this one
 * name: the seeded ones and the ones clients create alike.
 */
export const HOME_ACCOUNT = 'example';

/**
 * proto.EnumStatus as the document's Create Connector field spells it out (0 is the unset proto default).
 * The keys are the names the usage pages send: the spec's `x-secmock.accepts` aliases map them to these
 * integers (test/vendors/lacework-edge/accepts.test.ts holds the two together).
 */
export const STATUS = { INIT: 1, ACTIVE: 2, SUSPENDED: 3, DELETED: 4 } as const;

/**
 * Role values the mock gives its users. The document lists Role integers without names; the mock treats
 * 1 as an administrator and 2 as a plain user (an assumption). The usage pages name them ROLE_ADMIN and
 * ROLE_USER: the spec's aliases map those names to these integers, and a user created without a role is a
 * plain user (the users resource's default).
 */
export const ROLE = { ADMIN: 1, USER: 2 } as const;

/** The role names of the usage pages, each the document's integer the mock takes it for. */
export const ROLE_NAMES = { ROLE_ADMIN: ROLE.ADMIN, ROLE_USER: ROLE.USER } as const;

/** proto.DataSource of what is created in Lacework Edge itself (the usage pages' LOCAL). */
export const LOCAL_DATA_SOURCE = 0;

/** Selector prefixes used in filters, access lists and user tags ("Each entry is a tag of user/group/role type"). */
export const SELECTOR = { user: 'user:', group: 'group:', app: 'app:', role: 'role:', tag: 'tag:' } as const;

export const nowSeconds = (ms: number): number => Math.floor(ms / 1000);

/** A named resource of this spec; the behaviours only run when the Lacework spec is loaded, so it exists. */
export function resourceOf(ctx: BehaviourContext, name: string): ResourceRuntime {
  const resource = ctx.resourceNamed(name);
  if (!resource) throw new Error(`lacework: resource '${name}' is not declared`);
  return resource;
}

export function body<T>(ctx: BehaviourContext): T {
  const value = ctx.request.body;
  return (value !== null && typeof value === 'object' ? value : {}) as T;
}

/** `ACTIVE, suspended` -> ['ACTIVE', 'suspended']; absent or empty -> []. */
export function splitList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The entity without undefined fields (an absent value is absent, not `undefined`, in stored JSON). */
export function compact(entity: Entity): Entity {
  return Object.fromEntries(Object.entries(entity).filter(([, value]) => value !== undefined));
}

/** Stores an entity under its key (an update keeps its place in the listing order). */
export function save(resource: ResourceRuntime, entity: Entity): Entity {
  const stored = compact(entity);
  resource.collection.put(resource.keyOf(stored), stored);
  return stored;
}

/** Answers through the operation's response template, as the generic action would for this entity. */
export function respondWith(ctx: BehaviourContext, entity: Entity, status?: number): Outcome {
  const template = ctx.operation.mock.response ?? '$entity';
  const masked = ctx.resource ? ctx.resource.mask(entity) : entity;
  return ok(ctx.render(template, { entity: masked, id: ctx.resource?.keyOf(entity) }), status);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An RFC 3339 date-time (`2025-09-09T18:00:00Z`, `2025-09-09T20:00:00.25+02:00`) or full-date (`2025-09-09`,
 * midnight UTC) as epoch milliseconds: the text forms of the spec's `InstantText` (a leap second counts as
 * the next second). Anything else, an impossible date included, is undefined.
 */
export function rfc3339Millis(text: string): number | undefined {
  const parts = RFC3339.exec(text);
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((p) => Number(p ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const millis = Math.floor(Number(`0.${parts[7] ?? '0'}`) * 1000);
  date.setUTCHours(hour, minute, second, millis);
  const zone = parts[8] ?? 'Z';
  const offset =
    zone === 'Z' ? 0 : Number(`${zone[0]}1`) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return date.getTime() - offset * 60_000;
}

/**
 * An instant given as epoch digits (seconds; milliseconds when past the year 5138) or as RFC 3339 text, in
 * epoch seconds; undefined for anything else (the spec's `InstantText` refuses it first).
 */
export function parseSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    return n > 1e11 ? Math.floor(n / 1000) : n;
  }
  const ms = rfc3339Millis(value);
  return ms === undefined ? undefined : nowSeconds(ms);
}
