import { existsPointer, itemsPointer, type Operation, type ResourceSpec } from '../../openapi';

/**
 * The stateful chain of one resource, planned from its annotations before anything is sent: create ->
 * create another (its key must differ; the run's own entity for later writes, deleted at the end) -> read
 * (shows what the create sent) -> list -> exists -> update (some fields) -> read (shows the update, keeps
 * the rest) -> delete -> read (must be gone) -> list (must not list it) -> exists (false). The runner (run/chain.ts) executes these links in order, taking the key from the create's
 * answer; `--dry-run` prints them.
 */
export type LinkRole = 'create' | 'create-again' | 'read' | 'list' | 'exists' | 'update' | 'delete';

export interface ChainLink {
  /** `create`, `read after create`, `list after delete`... */
  label: string;
  role: LinkRole;
  operation: Operation;
  /** Presence links after a delete expect the entity gone; the others expect it there. */
  expectPresent: boolean;
  /** The earlier link that must have been answered 2xx for this one to run. */
  needsOk?: 'update' | 'delete';
}

export interface ChainPlan {
  resource: ResourceSpec;
  links: ChainLink[];
}

type ResourceOperations = Partial<Record<Exclude<LinkRole, 'create-again'> | 'upsert', Operation>>;

/** The chain of a resource, or undefined when it has none (no create, no key, a singleton). */
export function planChain(resource: ResourceSpec, operations: readonly Operation[]): ChainPlan | undefined {
  const ops = operationsOf(resource, operations);
  if (resource.singleton) return planSingleton(resource, ops);
  if (!ops.create || !resource.key) return undefined;
  const links: ChainLink[] = [link('create', ops.create, 'create', true)];
  // A key the client chooses is unique by the client's choice: only server-made keys can repeat.
  if (resource.id.kind !== 'client') links.push(link('create another', ops.create, 'create-again', true));
  links.push(...presence(ops, 'after create', true));
  if (ops.update) {
    links.push(link('update', ops.update, 'update', true));
    if (ops.read) links.push(link('read after update', ops.read, 'read', true, 'update'));
  }
  if (ops.delete) {
    links.push(link('delete', ops.delete, 'delete', true));
    links.push(...presence(ops, 'after delete', false, 'delete'));
  }
  return { resource, links };
}

/** A singleton (an integration's configuration) has no key: configure it, then read it back. */
function planSingleton(resource: ResourceSpec, ops: ResourceOperations): ChainPlan | undefined {
  if (!ops.upsert || !ops.read) return undefined;
  return {
    resource,
    links: [
      link('configure', ops.upsert, 'update', true),
      link('read after configure', ops.read, 'read', true, 'update'),
    ],
  };
}

function link(
  label: string,
  operation: Operation,
  role: LinkRole,
  expectPresent: boolean,
  needsOk?: ChainLink['needsOk'],
): ChainLink {
  return { label, role, operation, expectPresent, ...(needsOk ? { needsOk } : {}) };
}

function presence(
  ops: ResourceOperations,
  when: string,
  present: boolean,
  needsOk?: ChainLink['needsOk'],
): ChainLink[] {
  return (['read', 'list', 'exists'] as const).flatMap((role) => {
    const operation = ops[role];
    if (!operation || !answersPresence(role, operation)) return [];
    return [link(`${role} ${when}`, operation, role, present, needsOk)];
  });
}

/** A list must say where its items are, an exists where its boolean is, for the answer to tell presence. */
function answersPresence(role: 'read' | 'list' | 'exists', operation: Operation): boolean {
  if (role === 'list') return itemsPointer(operation) !== undefined;
  if (role === 'exists') return existsPointer(operation) !== undefined;
  return true;
}

/**
 * The operations a chain can address with nothing but the created entity's key: every path parameter
 * must be the key itself. (A list scoped by another path parameter, like a user's devices, is left out.)
 * Among several, plain REST shapes win: a GET read over a POST sub-action.
 */
function operationsOf(resource: ResourceSpec, operations: readonly Operation[]): ResourceOperations {
  const addressable = (op: Operation) =>
    op.parameters
      .filter((p) => p.in === 'path')
      .every((p) => op.mock.id?.in === 'path' && op.mock.id.path[0] === p.name);
  const mine = operations.filter((op) => op.mock.resource === resource.name && addressable(op));
  const find = (action: string) => {
    // A list with an `id` is scoped by another entity (a user's devices): the chain cannot address it.
    const candidates = mine.filter((op) => op.mock.action === action && !(action === 'list' && op.mock.id));
    return candidates.find((op) => op.method === 'get') ?? candidates[0];
  };
  return {
    create: find('create'),
    read: find('read'),
    list: find('list'),
    update: find('update'),
    delete: find('delete'),
    exists: find('exists'),
    upsert: find('upsert'),
  };
}
