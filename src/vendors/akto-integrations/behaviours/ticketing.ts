import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import {
  createTicketsFor,
  linkTestingIssue,
  storedSingleton,
  trimUrl,
  type Checked,
  type CreatedTicket,
  type TicketSystem,
} from '../testing-issues';

/**
 * DevRev works and ServiceNow tickets. Each needs its integration (and the target part or table
 * configured in it); ids, numbers and URLs are deterministic and increase.
 */

// ----------------------------------------------------------------- DevRev
const DEVREV: TicketSystem = {
  urlField: 'devrevWorkUrl',
  source: 'DEVREV',
  someSkipped: (k) =>
    `DevRev tickets created for all selected issues, except for ${k} issues that already have tickets.`,
  allSkipped: 'All selected issues already have existing DevRev tickets. No new tickets were created.',
};

/** `ISS-<n>` (or `TKT-<n>` for tickets) from one counter starting at 101; URL `<orgUrl>/works/<id>`. */
export function createDevRevTickets(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { testingIssuesIdList: unknown[]; partId: string; workItemType: string };
  const integration = storedSingleton(ctx, 'devrevIntegration');
  const resource = ctx.resource;
  if (!integration || !resource) return fail('precondition', 'DevRev is not integrated.');
  const parts = integration.partsMap as Record<string, string> | null | undefined;
  if (parts && Object.keys(parts).length > 0 && !(body.partId in parts))
    return fail('precondition', `Invalid part ID: ${body.partId}`);
  const prefix = body.workItemType.toLowerCase() === 'ticket' ? 'TKT' : 'ISS';
  return createTicketsFor(ctx, body.testingIssuesIdList, DEVREV, (id) => {
    const displayId = `${prefix}-${ctx.store.nextCounter(`${resource.name}:id`, 101)}`;
    const url = `${trimUrl(integration.orgUrl)}/works/${displayId}`;
    ctx.tick();
    const work: Entity = {
      displayId,
      devrevWorkUrl: url,
      partId: body.partId,
      workItemType: body.workItemType,
      testingIssuesId: id,
    };
    resource.stampCreated(work);
    resource.collection.put(displayId, work);
    return { id: displayId, url };
  });
}

// ----------------------------------------------------------------- ServiceNow
const SERVICENOW: TicketSystem = {
  urlField: 'servicenowIssueUrl',
  source: 'SERVICENOW',
  someSkipped: (k) =>
    `ServiceNow tickets created for all selected issues, except for ${k} issues that already have tickets.`,
  allSkipped: 'All selected issues already have existing ServiceNow tickets. No new tickets were created.',
};
const TABLE_PREFIXES: Record<string, string> = { incident: 'INC', problem: 'PRB', change_request: 'CHG' };

function serviceNowIntegration(ctx: BehaviourContext, tableName: string): Checked<Entity> {
  const integration = storedSingleton(ctx, 'serviceNowIntegration');
  if (!integration) return { refusal: fail('precondition', 'ServiceNow is not integrated.') };
  const tables = Array.isArray(integration.tableNames) ? integration.tableNames : [];
  if (!tables.includes(tableName))
    return { refusal: fail('precondition', `Table '${tableName}' is not in the ServiceNow integration.`) };
  return { value: integration };
}

function createServiceNow(
  ctx: BehaviourContext,
  integration: Entity,
  tableName: string,
  id?: Entity,
): CreatedTicket {
  const resource = ctx.resource;
  if (!resource) throw new Error('ServiceNow operations are annotated with resource serviceNowTickets');
  const n = ctx.store.nextCounter(`${resource.name}:id`, 12345);
  const serviceNowTicketNumber = `${TABLE_PREFIXES[tableName] ?? 'TKT'}${String(n).padStart(7, '0')}`;
  const sysId = ctx.faker('sys_id', n).string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  const url = `${trimUrl(integration.instanceUrl)}/nav_to.do?uri=${tableName}.do?sys_id=${sysId}`;
  ctx.tick();
  const ticket: Entity = {
    serviceNowTicketNumber,
    serviceNowTicketUrl: url,
    sysId,
    tableName,
    testingIssuesId: id ?? null,
  };
  resource.stampCreated(ticket);
  resource.collection.put(serviceNowTicketNumber, ticket);
  const created = { id: serviceNowTicketNumber, url };
  if (id) linkTestingIssue(ctx, id, SERVICENOW, created);
  return created;
}

export function createServiceNowTicket(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { tableName: string; testingIssuesId?: Entity };
  const checked = serviceNowIntegration(ctx, body.tableName);
  if ('refusal' in checked) return checked.refusal;
  const integration = checked.value;
  const ticket = createServiceNow(ctx, integration, body.tableName, body.testingIssuesId);
  // The server's whole action object also carries `errorMessage` (null), which the dashboard checks.
  return ok({ serviceNowTicketUrl: ticket.url, serviceNowTicketNumber: ticket.id, errorMessage: null });
}

export function bulkCreateServiceNowTickets(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { tableName: string; testingIssuesIdList: unknown[] };
  const checked = serviceNowIntegration(ctx, body.tableName);
  if ('refusal' in checked) return checked.refusal;
  const integration = checked.value;
  return createTicketsFor(ctx, body.testingIssuesIdList, SERVICENOW, (id) =>
    createServiceNow(ctx, integration, body.tableName, id),
  );
}
