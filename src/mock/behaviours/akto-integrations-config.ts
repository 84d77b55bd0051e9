import type { Entity } from '../../state/store';
import { readLocation } from '../locations';
import { fail, ok, type Outcome } from '../outcome';
import type { ResourceRuntime } from '../resources';
import type { BehaviourContext } from './types';

/**
 * Saving integration configurations. The generic upsert stores what it is sent; Akto's UI sends back the
 * masked value (`********`) of a secret it never saw in clear, and some actions take an omitted or empty
 * secret as "keep the stored one". These behaviours make both keep the stored secret.
 */

/** A secret value that means "keep what is stored": the mask the UI was shown, or nothing. */
export function keepsStoredSecret(value: unknown): boolean {
  return value === undefined || value === null || value === '' || String(value).includes('******');
}

/** The stored entity the operation will write to (the singleton, or the one named at the operation's `id`). */
function targetOf(ctx: BehaviourContext, resource: ResourceRuntime): Entity | undefined {
  if (resource.spec.singleton) return resource.find(undefined);
  const location = ctx.operation.mock.id;
  return location && resource.find(readLocation(ctx.request, location), ctx.operation.mock.by);
}

/** After a write, puts back every secret the request sent masked or empty. */
function restoreSecrets(resource: ResourceRuntime, before: Entity): void {
  const key = resource.keyOf(before);
  const after = resource.collection.get(key);
  if (!after) return;
  const restored = { ...after };
  for (const field of resource.spec.secrets) {
    if (keepsStoredSecret(after[field]) && !keepsStoredSecret(before[field])) restored[field] = before[field];
  }
  resource.collection.put(key, restored);
}

/** The generic upsert/update, keeping stored secrets that come back masked or empty. */
export function saveIntegration(ctx: BehaviourContext): Outcome {
  const resource = ctx.resource;
  if (!resource) return ctx.generic();
  const before = targetOf(ctx, resource);
  const outcome = ctx.generic();
  if (outcome.kind === 'ok' && before) restoreSecrets(resource, before);
  return outcome;
}

/** A secret required on the first save only (ADX application key, SentinelOne API token). */
function requireSecretOnFirstSave(field: string, message: string) {
  return (ctx: BehaviourContext): Outcome => {
    const body = ctx.request.body as Entity;
    const stored = ctx.resource?.find(undefined);
    if (!stored && keepsStoredSecret(body[field])) return fail('validation', message);
    return saveIntegration(ctx);
  };
}

export const addAdxIntegration = requireSecretOnFirstSave(
  'applicationKey',
  'Please enter a valid application key.',
);
export const addSentinelOneIntegration = requireSecretOnFirstSave(
  'apiToken',
  'Please enter a valid API token.',
);

const AZURE_WORK_ITEM_TYPES = ['Bug', 'Task', 'User Story', 'Feature', 'Epic'];

/** Upserts the integration and lists the work item types of each project (the default Agile process). */
export function addAzureBoardsIntegration(ctx: BehaviourContext): Outcome {
  const resource = ctx.resource;
  const outcome = saveIntegration(ctx);
  const stored = resource?.find(undefined);
  if (outcome.kind !== 'ok' || !resource || !stored) return outcome;
  const projects = Array.isArray(stored.projectList) ? stored.projectList.map(String) : [];
  const withTypes = {
    ...stored,
    projectToWorkItemsMap: Object.fromEntries(projects.map((p) => [p, [...AZURE_WORK_ITEM_TYPES]])),
  };
  resource.collection.put(resource.keyOf(withTypes), withTypes);
  return ok({ azureBoardsIntegration: resource.mask(withTypes) });
}

/** Slack refusals are answered 200 `{error}` (the operation's own error envelope). */
export function addSlackWebhook(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { webhookUrl: string; webhookName: string };
  if (!body.webhookUrl.includes('hooks.slack.com'))
    return fail('validation', 'Please enter a valid Slack url');
  const duplicate = ctx.resource?.collection.find(
    (w) => w.webhookUrl === body.webhookUrl || w.webhookName === body.webhookName,
  );
  if (duplicate) return fail('conflict', 'This webhook url already exists');
  return ctx.generic();
}
