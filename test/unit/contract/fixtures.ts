import type { JsonSchema, Operation, SecuritySchemeSpec, SpecModel } from '../../../src/openapi';
import {
  byKey,
  jsonContent,
  makeOperation,
  makeResource,
  makeScheme,
  makeSpec,
  response,
  type OperationInit,
} from './helpers';

/**
 * A small in-memory spec for the planner and the schedule: an `incident` resource with every action (the
 * full chain), a singleton, a key-less resource, a ticket resource that `requires` a Jira integration,
 * and a token scheme minted by a login operation.
 */

const SECURED = [[{ scheme: 'token', scopes: [] }]];

export const INCIDENT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['title'],
  properties: {
    title: { type: 'string', minLength: 1 },
    severity: { type: 'string', enum: ['low', 'high'] },
  },
  additionalProperties: false,
};

function secured(init: OperationInit): Operation {
  return makeOperation({ security: SECURED, ...init });
}

export function incidentOperations(): Operation[] {
  const key = byKey();
  return [
    makeOperation({
      operationId: 'login',
      method: 'post',
      path: '/auth/token',
      requestBody: {
        required: true,
        content: [jsonContent({ type: 'object', properties: { user: { type: 'string' } } })],
      },
    }),
    secured({
      operationId: 'listIncidents',
      path: '/incidents',
      mock: { resource: 'incident', action: 'list', response: { data: '$items', total: '$total' } },
    }),
    secured({
      operationId: 'createIncident',
      method: 'post',
      path: '/incidents',
      requestBody: {
        required: true,
        content: [jsonContent(INCIDENT_SCHEMA, [{ title: 'Disk full', severity: 'high' }])],
      },
      responses: [response('201'), response('400'), response('401')],
      mock: { resource: 'incident', action: 'create' },
    }),
    secured({
      operationId: 'getIncident',
      path: '/incidents/{id}',
      parameters: key.parameters,
      responses: [response('200'), response('404')],
      mock: { resource: 'incident', action: 'read', id: key.id },
    }),
    secured({
      operationId: 'updateIncident',
      method: 'patch',
      path: '/incidents/{id}',
      parameters: key.parameters,
      mock: { resource: 'incident', action: 'update', id: key.id },
    }),
    secured({
      operationId: 'deleteIncident',
      method: 'delete',
      path: '/incidents/{id}',
      parameters: key.parameters,
      responses: [response('204', { content: [] }), response('404')],
      mock: { resource: 'incident', action: 'delete', id: key.id },
    }),
    secured({
      operationId: 'incidentExists',
      path: '/incidents/{id}/exists',
      parameters: key.parameters,
      mock: { resource: 'incident', action: 'exists', id: key.id },
    }),
    secured({
      operationId: 'getSettings',
      path: '/settings',
      mock: { resource: 'settings', action: 'read' },
    }),
    secured({
      operationId: 'createSettings',
      method: 'post',
      path: '/settings',
      mock: { resource: 'settings', action: 'create' },
    }),
    secured({ operationId: 'listAudit', path: '/audit', mock: { resource: 'audit', action: 'list' } }),
    secured({
      operationId: 'createAudit',
      method: 'post',
      path: '/audit',
      mock: { resource: 'audit', action: 'create' },
    }),
    secured({
      operationId: 'configureJira',
      method: 'put',
      path: '/integrations/jira',
      mock: { resource: 'jira', action: 'upsert' },
    }),
    secured({
      operationId: 'createTicket',
      method: 'post',
      path: '/tickets',
      mock: { resource: 'ticket', action: 'create', requires: ['jira'] },
    }),
  ];
}

export function tokenScheme(init: Partial<SecuritySchemeSpec> = {}): SecuritySchemeSpec {
  return makeScheme({
    name: 'token',
    type: 'http',
    httpScheme: 'bearer',
    in: undefined,
    paramName: undefined,
    issuedBy: { operationId: 'login', field: 'token' },
    ...init,
  });
}

export function incidentsSpec(init: Partial<SpecModel> = {}): SpecModel {
  return makeSpec({
    id: 'incidents',
    operations: incidentOperations().map((op) => ({ ...op, specId: 'incidents' })),
    resources: [
      makeResource({ name: 'incident', specId: 'incidents' }),
      makeResource({ name: 'settings', specId: 'incidents', singleton: true, key: undefined }),
      makeResource({ name: 'audit', specId: 'incidents', key: undefined }),
      makeResource({ name: 'jira', specId: 'incidents', singleton: true, key: undefined }),
      makeResource({ name: 'ticket', specId: 'incidents' }),
    ],
    securitySchemes: [tokenScheme()],
    ...init,
  });
}

export const byId = (operations: readonly Operation[], operationId: string): Operation => {
  const found = operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId} in the fixture`);
  return found;
};
