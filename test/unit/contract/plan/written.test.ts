import { partialUpdateBody, shownAfter, type SentWrite } from '../../../../src/contract/plan/written';
import type { RequestParts } from '../../../../src/contract/plan/request-parts';
import type { JsonSchema, Operation, OperationAnnotation } from '../../../../src/openapi';
import { SchemaCompiler } from '../../../../src/schema';
import { at } from '../../helpers/model';
import { jsonContent, makeOperation, makeResource } from '../helpers';

const validators = new SchemaCompiler();

const writeOf = (
  operationId: string,
  mock: Partial<OperationAnnotation> = {},
  schema?: JsonSchema,
): Operation =>
  makeOperation({
    operationId,
    method: 'post',
    ...(schema ? { requestBody: { required: true, content: [jsonContent(schema)] } } : {}),
    mock: { resource: 'incident', ...mock },
  });
const sent = (operation: Operation, body: unknown, init: Partial<RequestParts> = {}): SentWrite => ({
  operation,
  parts: { path: {}, query: {}, headers: {}, body, ...init },
});

describe('shownAfter', () => {
  const incident = makeResource({
    name: 'incident',
    key: 'id',
    created: 'createdAt',
    updated: 'updatedAt',
    times: ['seenAt'],
    computed: ['memberCount'],
    secrets: ['password', 'auth.token'],
  });
  const create = writeOf('createIncident', { action: 'create' });
  const update = writeOf('updateIncident', { action: 'update' });
  const read = makeOperation({
    operationId: 'getIncident',
    mock: { resource: 'incident', action: 'read', response: { data: '$entity' } },
  });
  const CREATED = { title: 'Disk full', severity: 'high', owner: { name: 'ops' }, tags: ['disk'] };

  it('after the create: every field the create carried, where the read answers the entity', () => {
    expect(shownAfter(incident, read, 'create', { create: sent(create, CREATED) })).toEqual({
      after: 'create',
      entityPointer: ['data'],
      written: CREATED,
    });
  });

  it('compares no key, no stamp the server sets, no computed field, no secret', () => {
    const body = {
      id: 'client-chosen',
      title: 'Disk full',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      seenAt: 1,
      memberCount: 3,
      password: 'hunter2hunter2',
      auth: { user: 'svc', token: 'tok-123456789' },
      note: undefined,
    };
    const shown = shownAfter(incident, read, 'create', { create: sent(create, body) });
    expect(shown?.written).toEqual({ title: 'Disk full', auth: { user: 'svc' } });
    // What was sent is left as it was.
    expect(body.auth).toEqual({ user: 'svc', token: 'tok-123456789' });
  });

  it('drops no field named like a secret that is only the first step of its path', () => {
    const shown = shownAfter(incident, read, 'create', { create: sent(create, { auth: 'basic' }) });
    expect(shown?.written).toEqual({ auth: 'basic' });
  });

  it('after an update: the fields it sent, and the create’s fields it left alone as kept', () => {
    const shown = shownAfter(incident, read, 'update', {
      create: sent(create, CREATED),
      update: sent(update, { severity: 'low', owner: { name: 'dev' } }),
    });
    expect(shown).toEqual({
      after: 'update',
      entityPointer: ['data'],
      written: { severity: 'low', owner: { name: 'dev' } },
      kept: { title: 'Disk full', tags: ['disk'] },
    });
  });

  it('keeps nothing of the create’s stamps or secrets after an update', () => {
    const shown = shownAfter(incident, read, 'update', {
      create: sent(create, { title: 'Disk full', createdAt: 'x', password: 'hunter2hunter2' }),
      update: sent(update, { severity: 'low' }),
    });
    expect(shown?.kept).toEqual({ title: 'Disk full' });
  });

  it('after an update with no create sent (a singleton’s configure): no kept fields', () => {
    expect(shownAfter(incident, read, 'update', { update: sent(update, { severity: 'low' }) })).toEqual({
      after: 'update',
      entityPointer: ['data'],
      written: { severity: 'low' },
    });
  });

  it('reads the fields as the write’s `entity` annotation maps them', () => {
    const wrapped = writeOf('createUser', { action: 'create', entity: at('body.user') });
    const templated = writeOf('createTeam', {
      action: 'create',
      entity: { template: { name: '$body.displayName', region: '$query.region', fixed: 'x' } },
    });
    expect(
      shownAfter(incident, read, 'create', { create: sent(wrapped, { op: 'add', user: { email: 'a@b.c' } }) })
        ?.written,
    ).toEqual({ email: 'a@b.c' });
    expect(
      shownAfter(incident, read, 'create', {
        create: sent(templated, { displayName: 'Ops' }, { query: { region: 'eu' } }),
      })?.written,
    ).toEqual({ name: 'Ops', region: 'eu', fixed: 'x' });
  });

  it('has nothing to show when the write was not sent, or the read answers no entity', () => {
    expect(shownAfter(incident, read, 'update', { create: sent(create, CREATED) })).toBeUndefined();
    const count = makeOperation({
      operationId: 'countIncidents',
      mock: { resource: 'incident', action: 'read', response: { n: 1 } },
    });
    expect(shownAfter(incident, count, 'create', { create: sent(create, CREATED) })).toBeUndefined();
  });
});

describe('partialUpdateBody', () => {
  const INCIDENT: JsonSchema = {
    type: 'object',
    required: ['title'],
    properties: {
      title: { type: 'string' },
      severity: { type: 'string', enum: ['low', 'high'] },
      note: { type: 'string' },
    },
  };
  const update = (schema: JsonSchema | undefined, mock: Partial<OperationAnnotation> = {}) =>
    writeOf('updateIncident', { action: 'update', ...mock }, schema);

  it('keeps the required fields and one more', () => {
    const full = { title: 'Disk full', severity: 'high', note: 'n' };
    expect(partialUpdateBody(update(INCIDENT), full, validators)).toEqual({
      title: 'Disk full',
      severity: 'high',
    });
  });

  it('sends one field when none is required', () => {
    const schema: JsonSchema = { ...INCIDENT, required: [] };
    expect(partialUpdateBody(update(schema), { note: 'n', severity: 'low' }, validators)).toEqual({
      note: 'n',
    });
  });

  it('reads required fields through allOf', () => {
    const schema: JsonSchema = {
      allOf: [
        { type: 'object', required: ['title'], properties: { title: { type: 'string' } } },
        { type: 'object', properties: { severity: { type: 'string' } } },
      ],
    };
    const full = { severity: 'high', title: 'Disk full', note: 'n' };
    expect(partialUpdateBody(update(schema), full, validators)).toEqual({
      title: 'Disk full',
      severity: 'high',
    });
  });

  it('keeps the wrapper around the entity (`entity: body.user`) whole', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['user'],
      properties: {
        op: { type: 'string' },
        user: {
          type: 'object',
          required: ['email'],
          properties: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
        },
      },
    };
    const full = { op: 'update', user: { email: 'a@b.c', name: 'Ann', role: 'admin' } };
    expect(partialUpdateBody(update(schema, { entity: at('body.user') }), full, validators)).toEqual({
      op: 'update',
      user: { email: 'a@b.c', name: 'Ann' },
    });
  });

  it('picks a field the entity template stores, not one it ignores', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: { comment: { type: 'string' }, displayName: { type: 'string' } },
    };
    const templated = update(schema, { entity: { template: { name: '$body.displayName' } } });
    expect(partialUpdateBody(templated, { comment: 'why', displayName: 'Ops' }, validators)).toEqual({
      displayName: 'Ops',
    });
  });

  it.each<[string, Operation, unknown]>([
    ['no body schema', update(undefined), { title: 'Disk full', severity: 'high' }],
    ['a body that is no object', update(INCIDENT), ['title']],
    [
      'an entity read from the query',
      update(INCIDENT, { entity: at('query.filter') }),
      { title: 'a', note: 'n' },
    ],
    ['only required fields', update(INCIDENT), { title: 'Disk full' }],
    [
      'no field that changes the entity',
      update(
        { type: 'object', properties: { comment: { type: 'string' } } },
        { entity: { template: { n: 1 } } },
      ),
      { comment: 'why' },
    ],
    ['a wrapper that is not there', update(INCIDENT, { entity: at('body.user') }), { title: 'Disk full' }],
    [
      'a result the schema refuses',
      update({ ...INCIDENT, minProperties: 3 }),
      { title: 'a', severity: 'low', note: 'n' },
    ],
    [
      'a result a dependency refuses',
      // JSON Schema 2020-12 keyword the OpenAPI typings leave out.
      update({ ...INCIDENT, dependentRequired: { severity: ['note'] } } as JsonSchema),
      { title: 'a', severity: 'low', note: 'n' },
    ],
  ])('is undefined for %s: the full body is sent', (_, operation, full) => {
    expect(partialUpdateBody(operation, full, validators)).toBeUndefined();
  });
});
