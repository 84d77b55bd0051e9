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

/** Parses a time given as epoch seconds, epoch milliseconds or ISO 8601 into epoch seconds. */
export function parseSeconds(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    // Anything past the year 5138 in seconds is a millisecond value.
    return n > 1e11 ? Math.floor(n / 1000) : Math.floor(n);
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : nowSeconds(ms);
}
