import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import {
  createTicketsFor,
  findTestingIssue,
  issueKey,
  linkTestingIssue,
  storedSingleton,
  trimUrl,
  type Checked,
  type TicketSystem,
} from '../testing-issues';
import { configuredProjects, JIRA_INTEGRATION, notConfigured } from './jira-config';

/**
 * Jira tickets (resource `jiraTickets`, key `<PROJECT>-<n>` with n counting per project). A ticket also
 * carries its Jira-side status (`jiraStatus`) and when that last changed (`jiraUpdatedTs`): the state the
 * bi-directional sync reads. A new ticket starts in the Jira status its issue's Akto status maps to.
 */
const JIRA: TicketSystem = {
  urlField: 'jiraIssueUrl',
  source: 'JIRA',
  someSkipped: (k) =>
    `Jira tickets created for all selected issues, except for ${k} issues that already have tickets.`,
  allSkipped: 'All selected issues already have existing Jira tickets. No new tickets were created.',
};
const DEFAULT_JIRA_STATUS = 'To Do';
const SYNC_LABEL = 'AKTO_SYNC';

interface JiraProject {
  integration: Entity;
  projId: string;
}

interface TicketInput {
  issueType: string;
  title?: string;
  description?: string;
  labels?: string | null;
  testingIssuesId?: Entity;
  threatEventId?: string;
  actionItemType?: string;
}

/** The configured integration and project a ticket goes to, or the vendor's 422. */
function jiraProject(ctx: BehaviourContext, projId: string): Checked<JiraProject> {
  const integration = storedSingleton(ctx, JIRA_INTEGRATION);
  if (!integration) return { refusal: fail('precondition', 'Jira is not integrated.') };
  if (!configuredProjects(integration).includes(projId)) return { refusal: notConfigured(projId) };
  return { value: { integration, projId } };
}

function projectSetting(project: JiraProject, field: string): Entity | undefined {
  const byProject = project.integration[field] as Record<string, Entity> | null | undefined;
  return byProject?.[project.projId];
}

/** The Jira status the issue's Akto status maps to (Akto pushes its status when it creates the ticket). */
function initialJiraStatus(project: JiraProject, issue: Entity | undefined): string {
  const settings = projectSetting(project, 'projectMappings')?.biDirectionalSyncSettings as
    | Entity
    | undefined;
  const mappings = (settings?.aktoStatusMappings ?? {}) as Record<string, unknown>;
  const names = mappings[String(issue?.testRunIssueStatus ?? 'OPEN')];
  return Array.isArray(names) && names.length > 0 ? String(names[0]) : DEFAULT_JIRA_STATUS;
}

/** The Jira value the project's priority mapping gives the issue's severity (the server keeps it in the mapping). */
function priorityFor(project: JiraProject, issue: Entity | undefined): string | null {
  const mapping = projectSetting(project, 'projectMappings')?.priorityFieldMapping as
    | Entity
    | null
    | undefined;
  const values = (mapping?.severityToValueMap ?? {}) as Record<string, string>;
  return (issue && values[String(issue.severity)]) ?? null;
}

function createTicket(ctx: BehaviourContext, project: JiraProject, input: TicketInput): Entity {
  const resource = ctx.resource;
  if (!resource) throw new Error('jira ticket operations are annotated with resource jiraTickets');
  const issue = input.testingIssuesId && findTestingIssue(ctx, input.testingIssuesId);
  const key = `${project.projId}-${ctx.store.nextCounter(`jiraTickets:${project.projId}`, 1)}`;
  ctx.tick();
  const ticket: Entity = {
    jiraTicketKey: key,
    jiraTicketUrl: `${trimUrl(project.integration.baseUrl)}/browse/${key}`,
    projId: project.projId,
    issueType: input.issueType,
    title: input.title ?? null,
    description: input.description ?? null,
    labels: input.labels ?? null,
    priority: priorityFor(project, issue),
    testingIssuesId: input.testingIssuesId ?? null,
    threatEventId: input.threatEventId ?? null,
    actionItemType: input.actionItemType ?? null,
    attachments: [],
    jiraStatus: initialJiraStatus(project, issue),
  };
  resource.stampCreated(ticket);
  ticket.jiraUpdatedTs = ticket.createdTs;
  resource.collection.put(key, ticket);
  if (input.testingIssuesId)
    linkTestingIssue(ctx, input.testingIssuesId, JIRA, {
      id: key,
      url: String(ticket.jiraTicketUrl),
      projectKey: project.projId,
    });
  return ticket;
}

const withSyncLabel = (labels: unknown) =>
  [...String(labels ?? '').split(','), SYNC_LABEL]
    .map((l) => l.trim())
    .filter(Boolean)
    .join(',');

function summaryOf(id: Entity, title?: string): string {
  const api = id.apiInfoKey as Entity;
  return `Akto Report - ${title ?? String(id.testSubCategory)} (${String(api.method)} - ${String(api.url)})`;
}

interface CreateJiraIssueBody {
  jiraMetaData: {
    issueTitle?: string;
    issueDescription?: string;
    labels?: string | null;
    testingIssueId: unknown;
  };
  projId: string;
  issueType: string;
}

export function createJiraIssue(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as CreateJiraIssueBody;
  const checked = jiraProject(ctx, body.projId);
  if ('refusal' in checked) return checked.refusal;
  const project = checked.value;
  const id = issueKey(body.jiraMetaData.testingIssueId) as Entity;
  const ticket = createTicket(ctx, project, {
    issueType: body.issueType,
    title: summaryOf(id, body.jiraMetaData.issueTitle),
    description: body.jiraMetaData.issueDescription,
    labels: withSyncLabel(body.jiraMetaData.labels),
    testingIssuesId: id,
  });
  return ok({ jiraTicketKey: ticket.jiraTicketKey, jiraTicketUrl: ticket.jiraTicketUrl });
}

export function bulkCreateJiraTickets(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { issuesIds: unknown[]; projId: string; issueType: string };
  const checked = jiraProject(ctx, body.projId);
  if ('refusal' in checked) return checked.refusal;
  const project = checked.value;
  return createTicketsFor(ctx, body.issuesIds, JIRA, (id) => {
    const ticket = createTicket(ctx, project, {
      issueType: body.issueType,
      title: summaryOf(id),
      labels: SYNC_LABEL,
      testingIssuesId: id,
    });
    return { id: String(ticket.jiraTicketKey), url: String(ticket.jiraTicketUrl), projectKey: body.projId };
  });
}

interface AttachBody {
  issueId: string;
  origReq?: string | null;
  testReq?: string | null;
  agenticResult?: boolean;
}

/**
 * Appends an attachment record to a stored ticket; an unknown key is the mock's 422. The samples file holds
 * both samples; an agentic result (the dashboard sends `agenticResult: true` and `testReq` null) attaches
 * the conversation text of `origReq` alone, and nothing when that is empty (still 200, as the server).
 */
export function attachFileToIssue(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as AttachBody;
  const resource = ctx.resource;
  const ticket = resource?.find(body.issueId);
  if (!resource || !ticket) return fail('notFound', `Jira issue '${body.issueId}' not found.`);
  const attachments = Array.isArray(ticket.attachments) ? ticket.attachments : [];
  const agentic = body.agenticResult === true;
  if (agentic && !body.origReq) return ok({ issueId: body.issueId });
  ctx.tick();
  const attachment = {
    fileName: `${agentic ? 'agentic-conversation' : 'akto-samples'}-${attachments.length + 1}.txt`,
    sizeBytes: Buffer.byteLength(
      agentic ? String(body.origReq) : `${body.origReq ?? ''}${body.testReq ?? ''}`,
    ),
    createdTs: resource.now(),
  };
  resource.collection.put(body.issueId, { ...ticket, attachments: [...attachments, attachment] });
  return ok({ issueId: body.issueId });
}

interface GeneralTicketBody {
  projId: string;
  issueType: string;
  title: string;
  description?: string;
  labels?: string;
  threatEventId?: string;
  actionItemType?: string;
}

/**
 * A ticket for a threat event: the event (resource `maliciousEvents`, when the threat-detection spec is
 * served) then shows the ticket URL. An unknown event is refused before anything is created.
 */
export function createGeneralJiraTicket(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as GeneralTicketBody;
  const checked = jiraProject(ctx, body.projId);
  if ('refusal' in checked) return checked.refusal;
  const project = checked.value;
  const events = body.threatEventId ? ctx.resourceNamed('maliciousEvents') : undefined;
  const event = events?.find(body.threatEventId);
  if (events && !event) return fail('notFound', `Threat event '${String(body.threatEventId)}' not found.`);
  const { projId: _projId, ...input } = body;
  const ticket = createTicket(ctx, project, input);
  if (events && event)
    events.collection.put(events.keyOf(event), { ...event, jiraTicketUrl: ticket.jiraTicketUrl });
  return ok({ jiraTicketUrl: ticket.jiraTicketUrl });
}
