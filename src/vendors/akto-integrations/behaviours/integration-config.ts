import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';

/**
 * Saving integration configurations. The generic upsert already keeps a stored secret that comes back
 * masked (`********`) or empty, as Akto's UI sends it; these behaviours add the vendor's first-save rules.
 */

/** A secret value that means "keep what is stored": the mask the UI was shown, or nothing. */
export function keepsStoredSecret(value: unknown): boolean {
  return value === undefined || value === null || value === '' || String(value).includes('******');
}

/** A secret required on the first save only (ADX application key, SentinelOne API token). */
function requireSecretOnFirstSave(field: string, message: string) {
  return (ctx: BehaviourContext): Outcome => {
    const body = ctx.request.body as Entity;
    const stored = ctx.resource?.find(undefined);
    if (!stored && keepsStoredSecret(body[field])) return fail('validation', message);
    return ctx.generic();
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
  const outcome = ctx.generic();
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
