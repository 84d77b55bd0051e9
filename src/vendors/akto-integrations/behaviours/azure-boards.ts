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
 * Azure Boards work items (resource `azureBoardsWorkItems`): ids increase from 42, URLs are
 * `<baseUrl>/<organization>/<project>/_workitems/edit/<id>`; the project must be in the integration.
 */

const AZURE: TicketSystem = {
  urlField: 'azureBoardsWorkItemUrl',
  source: 'AZURE_BOARDS',
  someSkipped: (k) =>
    `Azure board work items created for all selected issues, except for ${k} issues that already have work items.`,
  allSkipped: 'All selected issues already have existing work items. No new work items were created.',
};

interface WorkItemBody {
  workItemType: string;
  projectName: string;
  title?: string;
  description?: string;
  threatEventId?: string;
  templateId?: string;
  endpoint?: string;
  testingIssuesId?: Entity;
}

function azureIntegration(ctx: BehaviourContext, projectName: string): Checked<Entity> {
  const integration = storedSingleton(ctx, 'azureBoardsIntegration');
  if (!integration) return { refusal: fail('precondition', 'Azure Boards is not integrated.') };
  const projects = Array.isArray(integration.projectList) ? integration.projectList : [];
  if (!projects.includes(projectName))
    return {
      refusal: fail('precondition', `Project '${projectName}' is not in the Azure Boards integration.`),
    };
  return { value: integration };
}

function createWorkItem(ctx: BehaviourContext, integration: Entity, body: WorkItemBody): CreatedTicket {
  const resource = ctx.resource;
  if (!resource) throw new Error('Azure Boards operations are annotated with resource azureBoardsWorkItems');
  const workItemId = resource.nextKey() as number;
  const url = `${trimUrl(integration.baseUrl)}/${String(integration.organization)}/${body.projectName}/_workitems/edit/${workItemId}`;
  ctx.tick();
  const item: Entity = {
    workItemId,
    azureBoardsWorkItemUrl: url,
    projectName: body.projectName,
    workItemType: body.workItemType,
    title: body.title ?? null,
    description: body.description ?? null,
    testingIssuesId: body.testingIssuesId ?? null,
    threatEventId: body.threatEventId ?? null,
    templateId: body.templateId ?? null,
    endpoint: body.endpoint ?? null,
  };
  resource.stampCreated(item);
  resource.collection.put(workItemId, item);
  const ticket = { id: String(workItemId), url };
  if (body.testingIssuesId) linkTestingIssue(ctx, body.testingIssuesId, AZURE, ticket);
  return ticket;
}

export function createAzureBoardsWorkItem(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as WorkItemBody;
  const checked = azureIntegration(ctx, body.projectName);
  if ('refusal' in checked) return checked.refusal;
  const integration = checked.value;
  return ok({ azureBoardsWorkItemUrl: createWorkItem(ctx, integration, body).url });
}

export function bulkCreateAzureWorkItems(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as WorkItemBody & { testingIssuesIdList: unknown[] };
  const checked = azureIntegration(ctx, body.projectName);
  if ('refusal' in checked) return checked.refusal;
  const integration = checked.value;
  return createTicketsFor(ctx, body.testingIssuesIdList, AZURE, (id) =>
    createWorkItem(ctx, integration, { ...body, title: String(id.testSubCategory), testingIssuesId: id }),
  );
}

/** A threat policy named by `templateId` (threat-detection spec) gives the title `<policy> - <endpoint>`. */
export function createGeneralAzureBoardsWorkItem(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as WorkItemBody;
  const checked = azureIntegration(ctx, body.projectName);
  if ('refusal' in checked) return checked.refusal;
  const integration = checked.value;
  const policy = body.templateId ? ctx.resourceNamed('filterTemplates')?.find(body.templateId) : undefined;
  const policyName = (policy?.info as Entity | undefined)?.name;
  const title =
    typeof policyName === 'string' ? [policyName, body.endpoint].filter(Boolean).join(' - ') : body.title;
  return ok({ azureBoardsWorkItemUrl: createWorkItem(ctx, integration, { ...body, title }).url });
}
