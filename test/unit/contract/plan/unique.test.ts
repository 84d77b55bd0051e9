import type { RequestParts } from '../../../../src/contract/plan/request-parts';
import { withUniqueValues } from '../../../../src/contract/plan/unique';
import type { JsonSchema, Operation } from '../../../../src/openapi';
import { SchemaCompiler } from '../../../../src/schema';
import { at } from '../../helpers/model';
import { jsonContent, makeOperation, parameter } from '../helpers';

const validators = new SchemaCompiler();
const TOKEN = 'r7k2';

const createIncident = (name: JsonSchema, unique = ['body.name']): Operation =>
  makeOperation({
    operationId: 'createIncident',
    method: 'post',
    parameters: [parameter('label', 'query', { type: 'string', maxLength: 8 })],
    requestBody: {
      required: true,
      content: [
        jsonContent({
          type: 'object',
          properties: {
            name: name,
            owner: { type: 'object', properties: { handle: { type: 'string' } } },
            count: { type: 'integer' },
          },
        }),
      ],
    },
    mock: { resource: 'incident', action: 'create', unique: unique.map(at) },
  });
const parts = (body: unknown, query: Record<string, unknown> = {}): RequestParts => ({
  path: {},
  query,
  headers: {},
  body,
});
const unique = (operation: Operation, sent: RequestParts) =>
  withUniqueValues(operation, sent, TOKEN, validators);

describe('withUniqueValues', () => {
  it('appends the run’s token to a value the vendor keeps unique', () => {
    expect(unique(createIncident({ type: 'string' }), parts({ name: 'Disk full', count: 1 }))).toEqual(
      parts({ name: 'Disk full-r7k2', count: 1 }),
    );
  });

  it('replaces the end of a value at its maximum length', () => {
    const sent = parts({ name: 'Disk full on db-01' });
    const next = unique(createIncident({ type: 'string', maxLength: 12 }), sent);
    expect(next.body).toEqual({ name: 'Disk fu-r7k2' });
    expect(unique(createIncident({ type: 'string', maxLength: 12 }), parts({ name: 'Disk' })).body).toEqual({
      name: 'Disk-r7k2',
    });
  });

  it('makes every declared value unique: nested in the body, in the query', () => {
    const operation = createIncident({ type: 'string' }, ['body.name', 'body.owner.handle', 'query.label']);
    expect(unique(operation, parts({ name: 'a', owner: { handle: 'ops' } }, { label: 'incident' }))).toEqual(
      parts({ name: 'a-r7k2', owner: { handle: 'ops-r7k2' } }, { label: 'inc-r7k2' }),
    );
  });

  it('changes nothing of what it was given', () => {
    const sent = parts({ name: 'Disk full', owner: { handle: 'ops' } });
    unique(createIncident({ type: 'string' }, ['body.name', 'body.owner.handle']), sent);
    expect(sent).toEqual(parts({ name: 'Disk full', owner: { handle: 'ops' } }));
  });

  it.each<[string, Operation, RequestParts]>([
    ['nothing declared unique', createIncident({ type: 'string' }, []), parts({ name: 'Disk full' })],
    ['no value sent', createIncident({ type: 'string' }), parts({ count: 1 })],
    ['a value that is no text', createIncident({ type: 'string' }, ['body.count']), parts({ count: 1 })],
    [
      'a maximum shorter than the token',
      createIncident({ type: 'string', maxLength: 4 }),
      parts({ name: 'Disk' }),
    ],
    [
      'a pattern the token breaks',
      createIncident({ type: 'string', pattern: '^[a-z]+$' }),
      parts({ name: 'disk' }),
    ],
    [
      'a value of an enum',
      createIncident({ type: 'string', enum: ['Disk', 'CPU'] }),
      parts({ name: 'Disk' }),
    ],
    [
      'a format the token breaks',
      createIncident({ type: 'string', format: 'date' }),
      parts({ name: '2025-01-01' }),
    ],
  ])('leaves the request alone with %s', (_, operation, sent) => {
    expect(unique(operation, sent)).toEqual(sent);
  });
});
