import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';

/**
 * Saving integration configurations. The generic upsert already keeps a stored secret that comes back
 * masked (`********`), empty or null, as Akto's dashboard sends it on a re-save; these behaviours add the
 * server's first-save rule: with nothing stored, the secret is required (its own 422 message per action).
 */

/** A secret value that means "keep what is stored": the mask the UI was shown, or nothing. */
export function keepsStoredSecret(value: unknown): boolean {
  return value === undefined || value === null || value === '' || String(value).includes('******');
}

/** The server's refusal when no integration is stored and the secret is missing, empty or null. */
function missingFirstSecret(ctx: BehaviourContext, field: string, message: string): Outcome | undefined {
  const body = ctx.request.body as Entity;
  const stored = ctx.resource?.find(undefined);
  return !stored && keepsStoredSecret(body[field]) ? fail('validation', message) : undefined;
}

/** A secret required on the first save only; later saves may send it null, empty or masked to keep it. */
function requireSecretOnFirstSave(field: string, message: string) {
  return (ctx: BehaviourContext): Outcome => missingFirstSecret(ctx, field, message) ?? ctx.generic();
}

export const addAdxIntegration = requireSecretOnFirstSave(
  'applicationKey',
  'Please enter a valid application key (client secret).',
);
export const addSentinelOneIntegration = requireSecretOnFirstSave(
  'apiToken',
  'Please enter a valid API token.',
);
export const addDevRevIntegration = requireSecretOnFirstSave(
  'personalAccessToken',
  'Please enter a valid personal access token.',
);
export const addMicrosoftDefenderIntegration = requireSecretOnFirstSave(
  'clientSecret',
  'Please enter a valid client secret.',
);

const AZURE_WORK_ITEM_TYPES = ['Bug', 'Task', 'User Story', 'Feature', 'Epic'];

/** Upserts the integration and lists the work item types of each project (the default Agile process). */
export function addAzureBoardsIntegration(ctx: BehaviourContext): Outcome {
  const refused = missingFirstSecret(ctx, 'personalAuthToken', 'Please enter a valid personal auth token.');
  if (refused) return refused;
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
