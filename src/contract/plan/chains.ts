import type { Operation, ResourceSpec } from '../../openapi/model';
import { resolvePointer } from '../../openapi/pointer';
import { entityPointer, existsPointer, itemsPointer, keyPointer } from '../../openapi/templates';
import { refusalStatuses } from './expectations';
import { makeCase, validBodies, type PlanContext } from './cases';
import { validParts, withKey } from './request-parts';
import type { CaseResponse, ChainStep, Expectation, TestCase } from '../types';

export interface ChainRunner {
  execute(testCase: TestCase): Promise<CaseResponse>;
  /** Configures what an operation `requires` before it runs. */
  prepare(operation: Operation): Promise<void>;
}

interface ResourceOperations {
  create?: Operation;
  read?: Operation;
  list?: Operation;
  update?: Operation;
  remove?: Operation;
  exists?: Operation;
}

const ok = (response: CaseResponse) => response.status >= 200 && response.status < 300;

/**
 * The operations a chain can address with nothing but the created entity's key: every path parameter
 * must be the key itself. (A list scoped by another path parameter, like a user's devices, is left out.)
 * Among several, plain REST shapes win: a GET read over a POST sub-action.
 */
function operationsOf(resource: ResourceSpec, operations: Operation[]): ResourceOperations {
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
    remove: find('delete'),
    exists: find('exists'),
  };
}

/**
 * The stateful chain of one resource, from its annotations: create -> read -> list -> update -> read ->
 * delete -> read (must be gone) -> list (must not list it). Ids come from the responses. A vendor behaviour
 * may add to an action but must keep its meaning: what a create made, a read returns.
 */
export async function runChain(
  resource: ResourceSpec,
  operations: Operation[],
  ctx: PlanContext,
  runner: ChainRunner,
): Promise<void> {
  const ops = operationsOf(resource, operations);
  if (!ops.create || !resource.key || resource.singleton) return;
  await runner.prepare(ops.create);
  const execute = (testCase: TestCase) => runner.execute(testCase);
  const keyField = resource.key;
  const body =
    validBodies(ops.create, ctx).find((b) => b.kind === 'generated') ?? validBodies(ops.create, ctx)[0];
  // Filled once the create answered; the steps that follow address the entity through it.
  const state: { entity?: Record<string, unknown> } = {};
  const step: Step = (operation, label, expect, key, bodyValue) =>
    execute(
      makeCase(
        operation,
        ctx,
        'chain',
        `${resource.name} chain: ${label}`,
        chainParts(operation, ctx, key, bodyValue, state.entity),
        expect,
      ),
    );
  const strictCreate = resource.id.kind !== 'client' && ops.create.mock.requires.length === 0;
  const created = await step(
    ops.create,
    'create',
    { kind: 'accept', strict: strictCreate },
    undefined,
    body?.body,
  );
  const pointer = keyPointer(ops.create, keyField);
  const key = ok(created) && pointer ? resolvePointer(created.body, pointer) : undefined;
  if (key === undefined) return;
  const entityAt = entityPointer(ops.create);
  state.entity = entityAt
    ? (resolvePointer(created.body, entityAt) as Record<string, unknown> | undefined)
    : undefined;
  // An operation may look the entity up by another field (checkWebhook: by webhookName).
  const lookup = (operation: Operation) =>
    operation.mock.by && operation.mock.by !== keyField ? state.entity?.[operation.mock.by] : key;
  await verifyPresence(ops, ctx, step, key, keyField, true, lookup);
  if (ops.update) {
    const patch = validBodies(ops.update, ctx).find((b) => b.kind === 'generated')?.body;
    const updated = await step(ops.update, 'update', { kind: 'accept', strict: true }, key, patch);
    if (ok(updated) && ops.read)
      await step(
        ops.read,
        'read after update',
        chainExpect({ is: 'retrievable', key, keyPointer: keyPointer(ops.read, keyField) }),
        key,
      );
  }
  if (!ops.remove) return;
  const removed = await step(ops.remove, 'delete', { kind: 'accept', strict: true }, key);
  if (ok(removed)) await verifyPresence(ops, ctx, step, key, keyField, false, lookup);
}

/**
 * A valid request carrying the key. A list asks for its largest page, and its required filters select the
 * created entity (a blob list needs a prefix: the blob's own key is one), so that the entity is on it.
 */
function chainParts(
  operation: Operation,
  ctx: PlanContext,
  key: unknown,
  body: unknown,
  entity: Record<string, unknown> | undefined,
) {
  const parts = withKey(operation, validParts(operation, ctx.faker, ctx.now, body), key);
  if (operation.mock.action !== 'list') return parts;
  const limit = operation.mock.page?.limit;
  if (limit?.in === 'query' && operation.mock.page?.maxLimit)
    parts.query = { ...parts.query, [limit.path[0]]: operation.mock.page.maxLimit };
  for (const filter of operation.mock.filters) {
    const name = filter.param.path[0];
    const required = operation.parameters.some((p) => p.in === 'query' && p.name === name && p.required);
    if (filter.param.in === 'query' && required && entity?.[filter.field] !== undefined)
      parts.query = { ...parts.query, [name]: entity[filter.field] };
  }
  return parts;
}

/** The steps runChain takes for a resource, for --dry-run; empty when the resource has no chain. */
export function describeChain(resource: ResourceSpec, operations: Operation[]): string[] {
  const ops = operationsOf(resource, operations);
  if (!ops.create || !resource.key || resource.singleton) return [];
  const presence = (when: string) => [
    ops.read && `read ${when}`,
    ops.list && `list ${when}`,
    ops.exists && `exists ${when}`,
  ];
  const steps = [
    'create',
    ...presence('after create'),
    ops.update && 'update',
    ops.update && ops.read && 'read after update',
    ops.remove && 'delete',
    ...(ops.remove ? presence('after delete') : []),
  ];
  return steps.filter((s): s is string => typeof s === 'string');
}

type Step = (
  operation: Operation,
  label: string,
  expect: Expectation,
  key?: unknown,
  body?: unknown,
) => Promise<CaseResponse>;

function chainExpect(step: ChainStep): Expectation {
  return { kind: 'chain', step };
}

async function verifyPresence(
  ops: ResourceOperations,
  ctx: PlanContext,
  step: Step,
  key: unknown,
  keyField: string,
  present: boolean,
  lookup: (operation: Operation) => unknown,
): Promise<void> {
  const when = present ? 'after create' : 'after delete';
  if (ops.read) {
    const expect: ChainStep = present
      ? { is: 'retrievable', key, keyPointer: keyPointer(ops.read, keyField) }
      : { is: 'gone', key, statuses: refusalStatuses(ctx.spec, ops.read, 'notFound') };
    await step(ops.read, `read ${when}`, chainExpect(expect), key);
  }
  if (ops.list) {
    const items = itemsPointer(ops.list);
    if (items)
      await step(
        ops.list,
        `list ${when}`,
        chainExpect({ is: 'listed', key, present, itemsPointer: items, keyField }),
      );
  }
  if (ops.exists) {
    const pointer = existsPointer(ops.exists);
    const value = lookup(ops.exists);
    if (pointer && value !== undefined)
      await step(
        ops.exists,
        `exists ${when}`,
        chainExpect({ is: 'exists', key: value, present, pointer }),
        value,
      );
  }
}
