import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome, type ResourceRuntime } from '../../../mock';

/**
 * Slack and custom webhooks. The document names a webhook by its `webhookName`; the Akto dashboard, as the
 * server, deletes a Slack webhook by its integer id (`apiTokenId`, its creation time in epoch seconds) and
 * asks whether a custom webhook of a type fires on an event (`webhookType` + `webhookOption`). An id or a
 * type is not a name, so these behaviours read the dashboard's shapes themselves; the document's shapes
 * take the generic action.
 */

/** Slack refusals are answered 200 `{error}` (the operation's own error envelope). */
export function addSlackWebhook(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { webhookUrl: string; webhookName: string };
  if (!body.webhookUrl.includes('hooks.slack.com'))
    return fail('validation', 'Please enter a valid Slack url');
  const resource = ctx.resource;
  const duplicate = resource?.collection.find(
    (w) => w.webhookUrl === body.webhookUrl || w.webhookName === body.webhookName,
  );
  if (duplicate) return fail('conflict', 'This webhook url already exists');
  const outcome = ctx.generic();
  const stored = resource?.find(body.webhookName);
  if (outcome.kind !== 'ok' || !resource || !stored) return outcome;
  const webhook: Entity = { ...stored, id: freeSlackId(resource, Number(stored.createdTs)) };
  resource.collection.put(resource.keyOf(webhook), webhook);
  // The server answers its whole action object: the new id as `apiTokenId`, and `error` null on success.
  return ok({ ...resource.mask(webhook), apiTokenId: webhook.id, error: null });
}

/** The server numbers a Slack webhook by its creation second; two in one second would share it. */
function freeSlackId(resource: ResourceRuntime, createdS: number): number {
  let id = createdS;
  while (resource.collection.find((w) => w.id === id)) id += 1;
  return id;
}

/**
 * By name (the document): the generic delete, 422 for an unknown name. By `apiTokenId` (the dashboard): the
 * server deletes whatever has that id and answers 200 either way.
 */
export function deleteSlackWebhook(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { webhookName?: string; apiTokenId?: number };
  if (body.webhookName !== undefined) return ctx.generic();
  const resource = ctx.resource;
  const webhook = resource?.collection.find((w) => w.id === body.apiTokenId);
  if (resource && webhook) {
    ctx.tick();
    resource.collection.remove(resource.keyOf(webhook));
  }
  return ok({});
}

/** The webhook types the server knows; it stores any other value (the document's GENERAL) as DEFAULT. */
const WEBHOOK_TYPES = ['DEFAULT', 'MICROSOFT_TEAMS', 'GMAIL'];
const typeOf = (webhook: Entity) =>
  WEBHOOK_TYPES.includes(String(webhook.webhookType)) ? String(webhook.webhookType) : 'DEFAULT';

/** By name (the document), or whether a webhook of `webhookType` fires on `webhookOption` (the dashboard). */
export function checkWebhook(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { webhookName?: string; webhookType?: string; webhookOption?: string };
  if (body.webhookName !== undefined) return ctx.generic();
  const found = ctx.resource?.collection.find(
    (w) =>
      typeOf(w) === body.webhookType &&
      Array.isArray(w.selectedWebhookOptions) &&
      w.selectedWebhookOptions.includes(body.webhookOption),
  );
  return ok({ webhookPresent: found !== undefined });
}
