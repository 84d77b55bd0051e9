import {
  entityPointer,
  existsPointer,
  itemsPointer,
  keyPointer,
  resolvePointer,
  type Operation,
  type SpecModel,
} from '../../openapi';
import { makeCase, validBodies, type PlanContext } from '../plan/cases';
import type { ChainLink, ChainPlan } from '../plan/chain';
import { refusalStatuses } from '../plan/expectations';
import { validParts, withKey } from '../plan/request-parts';
import type { CaseResponse, ChainStep, Expectation } from '../types';
import type { RunSession } from './session';

const ok = (response: CaseResponse) => response.status >= 200 && response.status < 300;

/** What the chain has learnt so far: the created entity's key and body, and which links answered 2xx. */
interface ChainState {
  key: unknown;
  entity?: Record<string, unknown>;
  answeredOk: Set<ChainLink['role']>;
}

/**
 * Executes a planned chain (plan/chain.ts): the create's answer gives the key the later links address; a
 * link whose prerequisite failed is not sent. A vendor behaviour may add to an action but must keep its
 * meaning: what a create made, a read returns.
 */
export async function runChain(session: RunSession, spec: SpecModel, plan: ChainPlan): Promise<void> {
  const ctx = session.context(spec, 'chain', plan.resource.name);
  const [create, ...rest] = plan.links;
  const created = await sendCreate(session, ctx, plan, create);
  if (!created) return;
  const state: ChainState = { ...created, answeredOk: new Set() };
  for (const link of rest) {
    if (link.needsOk && !state.answeredOk.has(link.needsOk)) continue;
    const response = await sendLink(session, ctx, plan, link, state);
    if (response && ok(response)) state.answeredOk.add(link.role);
  }
}

async function sendCreate(session: RunSession, ctx: PlanContext, plan: ChainPlan, create: ChainLink) {
  const { resource } = plan;
  const bodies = validBodies(create.operation, ctx);
  const body = bodies.find((b) => b.kind === 'generated') ?? bodies[0];
  const strict = resource.id.kind !== 'client' && create.operation.mock.requires.length === 0;
  const parts = chainParts(create.operation, ctx, undefined, body?.body, undefined);
  const response = await session.execute(
    makeCase(create.operation, ctx, 'chain', `${resource.name} chain: create`, parts, {
      kind: 'accept',
      strict,
    }),
  );
  const pointer = keyPointer(create.operation, resource.key as string);
  const key = ok(response) && pointer ? resolvePointer(response.body, pointer) : undefined;
  if (key === undefined) return undefined;
  const entityAt = entityPointer(create.operation);
  const entity = entityAt
    ? (resolvePointer(response.body, entityAt) as Record<string, unknown> | undefined)
    : undefined;
  return { key, entity };
}

async function sendLink(
  session: RunSession,
  ctx: PlanContext,
  plan: ChainPlan,
  link: ChainLink,
  state: ChainState,
): Promise<CaseResponse | undefined> {
  const keyField = plan.resource.key as string;
  // An operation may look the entity up by another field (checkWebhook: by webhookName).
  const lookup = (op: Operation) =>
    op.mock.by && op.mock.by !== keyField ? state.entity?.[op.mock.by] : state.key;
  const key = link.role === 'exists' ? lookup(link.operation) : state.key;
  if (key === undefined) return undefined;
  const body =
    link.role === 'update'
      ? validBodies(link.operation, ctx).find((b) => b.kind === 'generated')?.body
      : undefined;
  const parts = chainParts(link.operation, ctx, link.role === 'list' ? undefined : key, body, state.entity);
  const label = `${plan.resource.name} chain: ${link.label}`;
  return session.execute(
    makeCase(link.operation, ctx, 'chain', label, parts, expectation(ctx, link, key, keyField)),
  );
}

function expectation(ctx: PlanContext, link: ChainLink, key: unknown, keyField: string): Expectation {
  const chain = (step: ChainStep): Expectation => ({ kind: 'chain', step });
  const { operation, expectPresent } = link;
  switch (link.role) {
    case 'read':
      return chain(
        expectPresent
          ? { is: 'retrievable', key, keyPointer: keyPointer(operation, keyField) }
          : { is: 'gone', key, statuses: refusalStatuses(ctx.spec, operation, 'notFound') },
      );
    case 'list':
      return chain({
        is: 'listed',
        key,
        present: expectPresent,
        itemsPointer: itemsPointer(operation) ?? [],
        keyField,
      });
    case 'exists':
      return chain({ is: 'exists', key, present: expectPresent, pointer: existsPointer(operation) ?? [] });
    default:
      return { kind: 'accept', strict: true };
  }
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
