/**
 * A small typed client per spec, written against the types `openapi-typescript` generates for it (the
 * package's `secmock/types/<spec-id>`, imported here as `./<spec-id>`). Each one builds create/update bodies
 * with their required fields, holds a `@ts-expect-error` for a body that lacks one (an unused directive is a
 * compile error, so the client stops compiling when the type makes the field optional), and reads required
 * response fields into non-optional variables without optional chaining.
 */
const SEND = `
/** Sends a request and answers the parsed JSON body (fetch, an SDK's transport, supertest...). */
export type Send = (method: string, path: string, body?: unknown) => Promise<unknown>;
`;

export const TYPED_CLIENTS: Record<string, string> = {
  'manageengine-incidents': `
import type { components, paths } from './manageengine-incidents';
${SEND}
type Incidents = paths['/api/v2/incident'];
type CreateIncident = Incidents['post']['requestBody']['content']['application/json'];
type UpdateIncident = Incidents['put']['requestBody']['content']['application/json'];
type IncidentCreated = Incidents['post']['responses'][200]['content']['application/json'];
type IncidentList = Incidents['get']['responses'][200]['content']['application/json'];
type IncidentAnswer =
  paths['/api/v2/incident/{incident_id}']['get']['responses'][200]['content']['application/json'];

export function incidents(send: Send) {
  return {
    create: async (body: CreateIncident) => (await send('POST', '/api/v2/incident', body)) as IncidentCreated,
    update: async (body: UpdateIncident) => await send('PUT', '/api/v2/incident', body),
    list: async () => (await send('GET', '/api/v2/incident')) as IncidentList,
    get: async (id: number) => (await send('GET', '/api/v2/incident/' + id)) as IncidentAnswer,
  };
}

export const create: CreateIncident = { name: 'DOS Attack', severity: 'critical', notes: ['seen at 16:12'] };
// @ts-expect-error createIncident requires name
export const createWithoutName: CreateIncident = { description: 'no name', severity: 'trouble' };
export const update: UpdateIncident = { incident_id: 3000000438278, name: 'DOS Attack', status: 'closed' };
// @ts-expect-error updateIncident requires incident_id
export const updateWithoutId: UpdateIncident = { name: 'DOS Attack Incident' };
// @ts-expect-error updateIncident requires name
export const updateWithoutName: UpdateIncident = { incident_id: 3000000438278 };
// @ts-expect-error a listed incident has every summary field (incident_name, severity, ...)
export const partialSummary: IncidentList['data'][number] = { incident_id: 3000000438278 };

export function describeList(list: IncidentList): string[] {
  return list.data.map((incident) => {
    const id: number = incident.incident_id;
    const name: string = incident.incident_name;
    const severity: components['schemas']['SeverityDisplay'] = incident.severity;
    const status: string = incident.status;
    const assignee: number = incident.assign_to;
    const created: string = incident.created_time;
    return [id, name, severity.toUpperCase(), status, assignee, created, incident.created_by].join(' ');
  });
}
export const createdId = (answer: IncidentCreated): number => answer.data.incident_id;
export const notes = (answer: IncidentAnswer): string[] =>
  answer.data.notes.map((note) => note.note + ' (' + note.added_by + ', ' + note.time + ')');
`,

  'akto-integrations': `
import type { components, operations } from './akto-integrations';
${SEND}
type AddWebhook = operations['addCustomWebhook']['requestBody']['content']['application/json'];
type UpdateWebhook = operations['updateCustomWebhook']['requestBody']['content']['application/json'];
type Webhook = operations['addCustomWebhook']['responses'][200]['content']['application/json'];
type SlackAnswer = operations['addSlackWebhook']['responses'][200]['content']['application/json'];
type PriorityMapping = components['schemas']['PriorityFieldMapping'];

export function webhooks(send: Send) {
  return {
    add: async (body: AddWebhook) => (await send('POST', '/api/addCustomWebhook', body)) as Webhook,
    update: async (body: UpdateWebhook) => await send('POST', '/api/updateCustomWebhook', body),
  };
}

export const add: AddWebhook = {
  webhookName: 'new-endpoint-notifier',
  url: 'https://hooks.example.com/akto-events',
  method: 'POST',
  selectedWebhookOptions: ['NEW_ENDPOINT'],
  batchSize: 100,
};
// @ts-expect-error addCustomWebhook requires url (and method)
export const addWithoutUrl: AddWebhook = { webhookName: 'new-endpoint-notifier' };
export const update: UpdateWebhook = { id: 7, webhookName: 'n', url: 'https://example.com', method: 'GET' };
// @ts-expect-error updateCustomWebhook requires webhookName
export const updateWithoutName: UpdateWebhook = { id: 7, url: 'https://example.com', method: 'GET' };
// @ts-expect-error a stored priority mapping has its severityToValueMap
export const mappingWithoutValues: PriorityMapping = { fieldId: 'priority' };

export function describeWebhook(webhook: Webhook): string {
  const id: number = webhook.id;
  const name: string = webhook.webhookName;
  const method: components['schemas']['WebhookMethod'] = webhook.method;
  return id + ' ' + name + ' ' + method.toLowerCase() + ' ' + webhook.url + ' ' + webhook.activeStatus;
}
export function slackWebhookId(answer: SlackAnswer): number | string {
  if ('apiTokenId' in answer) {
    const id: number = answer.apiTokenId;
    const url: string = answer.webhookUrl;
    return id + ' ' + url;
  }
  return answer.error;
}
export const mappingField = (mapping: PriorityMapping): string => mapping.fieldId;
`,

  'akto-threat-detection': `
import type { components, operations } from './akto-threat-detection';
${SEND}
type EventsQuery = operations['fetchSuspectSampleData']['requestBody']['content']['application/json'];
type Events = operations['fetchSuspectSampleData']['responses'][200]['content']['application/json'];
type ActorsQuery = operations['fetchThreatActors']['requestBody']['content']['application/json'];
type Actors = operations['fetchThreatActors']['responses'][200]['content']['application/json'];

export function threats(send: Send) {
  return {
    events: async (body: EventsQuery) => (await send('POST', '/api/fetchSuspectSampleData', body)) as Events,
    actors: async (body: ActorsQuery) => (await send('POST', '/api/fetchThreatActors', body)) as Actors,
  };
}

export const events: EventsQuery = {
  urls: [],
  types: [],
  limit: 50,
  skip: 0,
  startTimestamp: 0,
  endTimestamp: 0,
};
// @ts-expect-error fetchSuspectSampleData requires limit and skip
export const eventsWithoutPage: EventsQuery = { urls: [], types: [], startTimestamp: 0, endTimestamp: 0 };
export const actors: ActorsQuery = { startTs: 0, endTs: 1757340000, skip: 0 };
// @ts-expect-error fetchThreatActors requires skip
export const actorsWithoutSkip: ActorsQuery = { startTs: 0, endTs: 1757340000 };

export function describeEvents(page: Events): string[] {
  const total: number = page.total;
  return page.maliciousEvents.map((event) => {
    const actor: string = event.actor;
    const method: components['schemas']['HttpMethod'] = event.method;
    return actor + ' ' + method + ' ' + event.url + ' (' + total + ')';
  });
}
export function describeActors(page: Actors): string[] {
  const total: number = page.total;
  return page.actors.map((actor) => actor.id + ' ' + actor.country + ' ' + actor.activity.length);
}
`,

  'lacework-edge': `
import type { operations } from './lacework-edge';
${SEND}
type Act = operations['performAlertInvestigationActions'];
type Actions = Act['requestBody']['content']['application/json'];
type Outcomes = Act['responses'][200]['content']['application/json'];
type Access = operations['createAccess']['responses'][201]['content']['application/json'];

export function alerts(send: Send) {
  return {
    act: async (body: Actions) =>
      (await send('POST', '/api/v1/alerts/investigation_actions', body)) as Outcomes,
    getAccess: async (uuid: string) => (await send('GET', '/api/v1/accesses/' + uuid)) as Access,
  };
}

export const act: Actions = {
  investigation_actions: [{ alert_uuid: 'f0b7c9de-1c0e-4a51', action: { note: { note_text: 'checked' } } }],
};
// @ts-expect-error each investigation action names its alert (alert_uuid)
export const actWithoutAlert: Actions = { investigation_actions: [{ action: { note: { note_text: 'n' } } }] };
// @ts-expect-error performAlertInvestigationActions requires investigation_actions
export const actWithoutActions: Actions = { account_name: 'acme' };

export function historyIds(outcomes: Outcomes): string[] {
  return outcomes.responses.map((outcome) => {
    const uuid: string = outcome.history_item.uuid;
    return uuid;
  });
}
export const accessId = (access: Access): string => access.uuid;
`,
};
