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
import { validParts, withKey, type RequestParts } from '../plan/request-parts';
import { partialUpdateBody, shownAfter, type SentWrite } from '../plan/written';
import type { CaseResponse, ChainStep, Expectation } from '../types';
import type { RunSession } from './session';

const ok = (response: CaseResponse) => response.status >= 200 && response.status < 300;

/** What the chain has learnt so far: the created entity's key and body, and which links answered 2xx. */
interface ChainState {
  key: unknown;
  entity?: Record<string, unknown>;
  answeredOk: Set<ChainLink['role']>;
  /** The create and the update sent: what the reads after them must show. */
  sent: Partial<Record<'create' | 'update', SentWrite>>;
  /** The entity as the read after the create answered it: what a partial update must leave alone. */
  readBefore?: Record<string, unknown>;
}

/**
 * Executes a planned chain (plan/chain.ts): the create's answer gives the key the later links address; a
 * link whose prerequisite failed is not sent. A vendor behaviour may add to an action but must keep its
 * meaning: what a create made, a read returns.
 */
export async function runChain(session: RunSession, spec: SpecModel, plan: ChainPlan): Promise<void> {
  const ctx = session.context(spec, 'chain', plan.resource.name);
  const [create, ...rest] = plan.links;
  if (plan.resource.singleton) return runSingleton(session, ctx, plan);
  const created = await sendCreate(session, ctx, plan, create);
  if (!created) return;
  const sent = { create: { operation: create.operation, parts: created.parts } };
  const state: ChainState = { ...created, answeredOk: new Set(), sent };
  for (const link of rest) {
    if (link.needsOk && !state.answeredOk.has(link.needsOk)) continue;
    const response =
      link.role === 'create-again'
        ? await sendCreateAgain(session, spec, plan, link, state.key)
        : await sendLink(session, ctx, plan, link, state);
    if (response && ok(response)) state.answeredOk.add(link.role);
    if (response && ok(response) && link.role === 'read' && !link.needsOk)
      state.readBefore = entityIn(response, link.operation);
  }
}

/** A singleton's chain: configure it, then read back what was configured. */
async function runSingleton(session: RunSession, ctx: PlanContext, plan: ChainPlan): Promise<void> {
  const [configure, read] = plan.links;
  const bodies = validBodies(configure.operation, ctx);
  const body = bodies.find((b) => b.kind === 'generated') ?? bodies[0];
  const parts = ctx.unique(
    configure.operation,
    validParts(configure.operation, ctx.faker, ctx.now, body?.body),
  );
  const name = plan.resource.name;
  const strict = configure.operation.mock.requires.length === 0;
  const response = await session.execute(
    makeCase(configure.operation, ctx, 'chain', `${name} chain: ${configure.label}`, parts, {
      kind: 'accept',
      strict,
    }),
  );
  if (!ok(response)) return;
  const shows = shownAfter(plan.resource, read.operation, 'update', {
    update: { operation: configure.operation, parts },
  });
  const step: ChainStep = { is: 'retrievable', key: name, ...(shows ? { shows } : {}) };
  const readParts = validParts(read.operation, ctx.faker, ctx.now, validBodies(read.operation, ctx)[0]?.body);
  await session.execute(
    makeCase(read.operation, ctx, 'chain', `${name} chain: ${read.label}`, readParts, {
      kind: 'chain',
      step,
    }),
  );
}

async function sendCreate(session: RunSession, ctx: PlanContext, plan: ChainPlan, create: ChainLink) {
  const { resource } = plan;
  const strict = resource.id.kind !== 'client' && create.operation.mock.requires.length === 0;
  const parts = createParts(ctx, create.operation);
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
  return { key, entity, parts };
}

function entityIn(response: CaseResponse, operation: Operation): Record<string, unknown> | undefined {
  const at = entityPointer(operation);
  const entity = at ? resolvePointer(response.body, at) : undefined;
  return entity !== null && typeof entity === 'object' && !Array.isArray(entity)
    ? (entity as Record<string, unknown>)
    : undefined;
}

/** A valid create with the run's unique values (a second run must not collide with the first). */
function createParts(ctx: PlanContext, operation: Operation): RequestParts {
  const bodies = validBodies(operation, ctx);
  const body = bodies.find((b) => b.kind === 'generated') ?? bodies[0];
  return ctx.unique(operation, chainParts(operation, ctx, undefined, body?.body, undefined));
}

/** A second create, with other values: its key must not be the first one's. */
async function sendCreateAgain(
  session: RunSession,
  spec: SpecModel,
  plan: ChainPlan,
  link: ChainLink,
  first: unknown,
) {
  const ctx = session.context(spec, 'chain', plan.resource.name, 'again');
  const label = `${plan.resource.name} chain: ${link.label}`;
  const step: ChainStep = {
    is: 'create',
    distinctFrom: first,
    keyPointer: keyPointer(link.operation, plan.resource.key as string),
  };
  return session.execute(
    makeCase(link.operation, ctx, 'chain', label, createParts(ctx, link.operation), { kind: 'chain', step }),
  );
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
  const body = link.role === 'update' ? updateBody(ctx, link.operation) : undefined;
  let parts = chainParts(link.operation, ctx, link.role === 'list' ? undefined : key, body, state.entity);
  if (link.role === 'update') {
    parts = ctx.unique(link.operation, parts);
    state.sent.update = { operation: link.operation, parts };
  }
  const label = `${plan.resource.name} chain: ${link.label}`;
  return session.execute(
    makeCase(link.operation, ctx, 'chain', label, parts, expectation(ctx, plan, link, key, state)),
  );
}

/** The update sends some fields only (the contract's updates merge): the others must survive it. */
function updateBody(ctx: PlanContext, operation: Operation): unknown {
  const full = validBodies(operation, ctx).find((b) => b.kind === 'generated')?.body;
  return partialUpdateBody(operation, full, ctx.validators) ?? full;
}

function expectation(
  ctx: PlanContext,
  plan: ChainPlan,
  link: ChainLink,
  key: unknown,
  state: ChainState,
): Expectation {
  const chain = (step: ChainStep): Expectation => ({ kind: 'chain', step });
  const { operation, expectPresent } = link;
  const keyField = plan.resource.key as string;
  switch (link.role) {
    case 'read': {
      if (!expectPresent)
        return chain({ is: 'gone', key, statuses: refusalStatuses(ctx.spec, operation, 'notFound') });
      const after = link.needsOk === 'update' ? 'update' : 'create';
      const shows = shownAfter(plan.resource, operation, after, state.sent, state.readBefore);
      return chain({
        is: 'retrievable',
        key,
        keyPointer: keyPointer(operation, keyField),
        ...(shows ? { shows } : {}),
      });
    }
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
