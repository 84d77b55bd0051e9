import { seededUuid } from '../../../generate';
import type { Entity } from '../../../state';
import type { BehaviourContext, Outcome } from '../../../mock';
import { HOME_ACCOUNT, body, resourceOf, respondWith, save } from '../common';

/**
 * One tenant (common.ts, HOME_ACCOUNT). Clients send their own account name in `account_name` (the API
 * document's samples do, `acme-corp` for a customer of that name); it names the one tenant the mock serves,
 * so what a write stores names that tenant by its one name, as the seeded objects do, and a later login or
 * listing finds it. The request is put in those terms before anything stores it, as the engine puts the
 * vendor's aliases in the document's terms.
 */
export function claimForTenant(ctx: BehaviourContext): void {
  renameAccounts(ctx.request.body);
}

/** Every `account_name` of the body, at any depth (the wrapper's and the wrapped object's). */
function renameAccounts(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(renameAccounts);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Entity;
  for (const [field, value] of Object.entries(record)) {
    if (field === 'account_name' && typeof value === 'string') record[field] = HOME_ACCOUNT;
    else renameAccounts(value);
  }
}

/** The generic write of an operation whose body may name the tenant by the client's account name. */
function writeInTenant(ctx: BehaviourContext): Outcome {
  claimForTenant(ctx);
  return ctx.generic();
}

/**
 * A connector is keyed by its `unique_name` (the client's choice) and also has a `uuid`, which the client
 * does not send: the mock gives it one from the run's seed, as it gives every other object.
 */
function createConnector(ctx: BehaviourContext): Outcome {
  const outcome = writeInTenant(ctx);
  if (outcome.kind !== 'ok') return outcome;
  const connectors = resourceOf(ctx, 'connectors');
  const stored = connectors.find(body<{ unique_name?: string }>(ctx).unique_name);
  if (!stored) return outcome;
  const counter = ctx.store.nextCounter('connectors:uuid', 1);
  const uuid = seededUuid(ctx.seed, 'connectors-uuid', counter);
  return respondWith(ctx, save(connectors, { ...stored, uuid }));
}

export const tenantBehaviours = { writeInTenant, createConnector };
