import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { keepsStoredSecret } from './integration-config';
import { forgetSyncProject, noteSyncSettings } from './jira-sync-state';

/**
 * The Jira integration singleton (resource `jiraIntegration`): credentials, projects with their
 * bi-directional sync settings (the Akto Jira integration guide) and severity -> priority mapping, and the
 * issue types of each project.
 */
export const JIRA_INTEGRATION = 'jiraIntegration';
/** The Jira integration guide: "You can add up to 10 projects per integration." */
const MAX_PROJECTS = 10;
const TOO_MANY_PROJECTS = 'You can add up to 10 projects per integration.';

/** The issue types every mocked Jira project has (what testIntegration resolves). */
export const JIRA_ISSUE_TYPES = [
  { issueId: '10001', issueType: 'Bug' },
  { issueId: '10002', issueType: 'Story' },
  { issueId: '10003', issueType: 'Task' },
];
const issueTypes = () => JIRA_ISSUE_TYPES.map((t) => ({ ...t }));

const keysOf = (value: unknown): string[] =>
  value !== null && typeof value === 'object' ? Object.keys(value) : [];

/** Every project the integration knows: mapped ones, ones with resolved issue types, the default one. */
export function configuredProjects(integration: Entity): string[] {
  const projId = typeof integration.projId === 'string' ? [integration.projId] : [];
  return [
    ...new Set([...keysOf(integration.projectMappings), ...keysOf(integration.projectIdsMap), ...projId]),
  ];
}

export function notConfigured(projId: string): Outcome {
  return fail('precondition', `Jira project '${projId}' is not configured in the integration.`);
}

/**
 * A project's settings as the server stores them: the mapping sent replaces the stored one whole (its
 * `priorityFieldMapping` included, null when not sent); sync is off unless said otherwise, its
 * `aktoStatusMappings` are kept as sent (null when the dashboard turns sync off), and a project without sync
 * keeps no statuses (null).
 */
function normaliseMapping(mapping: Entity): Entity {
  const settings = (mapping.biDirectionalSyncSettings ?? {}) as Entity;
  const enabled = settings.enabled === true;
  return {
    biDirectionalSyncSettings: {
      ...settings,
      enabled,
      aktoStatusMappings: settings.aktoStatusMappings ?? null,
    },
    statuses: enabled && Array.isArray(mapping.statuses) ? mapping.statuses : null,
    priorityFieldMapping: mapping.priorityFieldMapping ?? null,
  };
}

interface JiraAddBody {
  baseUrl: string;
  userEmail: string;
  apiToken: string;
  jiraType: string;
  projectMappings?: Record<string, Entity>;
}

/** Credentials replace the stored ones; project mappings merge project by project (at most 10 projects). */
export function jiraAdd(ctx: BehaviourContext): Outcome {
  const resource = ctx.resource;
  if (!resource) return ctx.generic();
  const body = ctx.request.body as JiraAddBody;
  const stored = resource.find(undefined);
  const projectMappings = { ...((stored?.projectMappings ?? {}) as Record<string, Entity>) };
  for (const [key, mapping] of Object.entries(body.projectMappings ?? {}))
    projectMappings[key] = normaliseMapping(mapping);
  if (Object.keys(projectMappings).length > MAX_PROJECTS) return fail('conflict', TOO_MANY_PROJECTS);
  const projectIdsMap = { ...((stored?.projectIdsMap ?? {}) as Record<string, unknown>) };
  for (const key of Object.keys(projectMappings)) projectIdsMap[key] ??= issueTypes();
  ctx.tick();
  const integration: Entity = {
    projId: null,
    issueType: null,
    ...stored,
    baseUrl: body.baseUrl,
    userEmail: body.userEmail,
    apiToken: stored && keepsStoredSecret(body.apiToken) ? stored.apiToken : body.apiToken,
    jiraType: body.jiraType,
    projectMappings,
    projectIdsMap,
  };
  if (stored) resource.stampUpdated(integration);
  else resource.stampCreated(integration);
  resource.collection.put(resource.keyOf(integration), integration);
  noteSyncSettings(ctx, integration);
  return ok({ jiraIntegration: resource.mask(integration), failedProjectKeys: [] });
}

const without = (value: unknown, key: string): unknown => {
  if (value === null || typeof value !== 'object') return value;
  const copy = { ...(value as Entity) };
  delete copy[key];
  return copy;
};

/** Removes a project (its mapping with its priority mapping, its issue types); an unknown key changes nothing. */
export function jiraDelete(ctx: BehaviourContext): Outcome {
  const resource = ctx.resource;
  const stored = resource?.find(undefined);
  if (!resource || !stored) return fail('precondition', 'Jira is not integrated.');
  const { projId } = ctx.request.body as { projId: string };
  const projects = configuredProjects(stored);
  if (projects.length === 0)
    return fail('validation', 'Atleast one project is required for Jira Integration');
  if (!projects.includes(projId)) return ok({ projId });
  ctx.tick();
  const integration: Entity = {
    ...stored,
    projectMappings: without(stored.projectMappings, projId),
    projectIdsMap: without(stored.projectIdsMap, projId),
  };
  if (integration.projId === projId) integration.projId = null;
  resource.stampUpdated(integration);
  resource.collection.put(resource.keyOf(integration), integration);
  forgetSyncProject(ctx, projId);
  return ok({ projId });
}

/**
 * The document's body, which the dashboard's `{projectKey, priorityFieldMapping}` is mapped to (the
 * operation's `x-secmock.accepts`): the dashboard's field name, type and display names come along.
 */
interface PriorityMappingBody {
  projId: string;
  fieldId?: string;
  fieldValuesMap: Record<string, string>;
  fieldName?: string;
  fieldType?: string;
  severityToDisplayNameMap?: Record<string, string>;
}

/**
 * Stores the severity -> Jira field value map of a project where the server does:
 * `projectMappings.<key>.priorityFieldMapping` (a field id left out is `priority`). Like the server, it
 * needs the integration but not the project: a key not yet mapped gets a mapping holding only this.
 */
export function jiraSavePriorityFieldMapping(ctx: BehaviourContext): Outcome {
  const resource = ctx.resource;
  const stored = resource?.find(undefined);
  if (!resource || !stored) return fail('precondition', 'Jira integration not found');
  const body = ctx.request.body as PriorityMappingBody;
  const priorityFieldMapping: Entity = {
    fieldId: body.fieldId || 'priority',
    ...(body.fieldName !== undefined ? { fieldName: body.fieldName } : {}),
    ...(body.fieldType !== undefined ? { fieldType: body.fieldType } : {}),
    severityToValueMap: { ...body.fieldValuesMap },
    ...(body.severityToDisplayNameMap ? { severityToDisplayNameMap: body.severityToDisplayNameMap } : {}),
  };
  const mappings = (stored.projectMappings ?? {}) as Record<string, Entity>;
  ctx.tick();
  const integration: Entity = {
    ...stored,
    projectMappings: { ...mappings, [body.projId]: { ...mappings[body.projId], priorityFieldMapping } },
  };
  resource.stampUpdated(integration);
  resource.collection.put(resource.keyOf(integration), integration);
  return ok({ projId: body.projId, projectKey: body.projId, priorityFieldMapping });
}

/** Resolves the issue types of each well-formed project key; nothing is stored. */
export function testIntegration(ctx: BehaviourContext): Outcome {
  const { projId } = ctx.request.body as { projId: string };
  const keys = projId
    .split(',')
    .map((key) => key.replace(/\s+/g, ''))
    .filter((key) => /^[A-Z][A-Z0-9_]+$/.test(key));
  if (keys.length === 0)
    return fail('validation', 'Error while testing jira integration, unable to resolve issue type id');
  return ok({ projectAndIssueMap: Object.fromEntries(keys.map((key) => [key, issueTypes()])) });
}

/** The generic Jira save (mappings replace the stored ones); sync bookkeeping as for jira/add. */
export function addIntegration(ctx: BehaviourContext): Outcome {
  const outcome = ctx.generic();
  if (outcome.kind === 'ok') noteSyncSettings(ctx, ctx.resource?.find(undefined));
  return outcome;
}
