import { writtenEntity } from '../../../src/openapi/written-entity';
import type { OperationAnnotation } from '../../../src/openapi/model';
import type { RequestValues } from '../../../src/openapi/request-location';
import { at, makeOperation } from '../helpers/model';

const write = (entity?: OperationAnnotation['entity']) =>
  makeOperation({
    method: 'post',
    mock: { resource: 'user', action: 'create', ...(entity ? { entity } : {}) },
  });
const request = (body: unknown, init: Partial<RequestValues> = {}): RequestValues => ({
  path: {},
  query: {},
  headers: {},
  body,
  ...init,
});

describe('writtenEntity', () => {
  it('is the body by default', () => {
    expect(writtenEntity(write(), request({ name: 'Ann', role: 'admin' }))).toEqual({
      name: 'Ann',
      role: 'admin',
    });
  });

  it('is a copy: changing it changes nothing of the request', () => {
    const body = { name: 'Ann' };
    const entity = writtenEntity(write(), request(body));
    entity.name = 'Bob';
    expect(body).toEqual({ name: 'Ann' });
  });

  it('is read at the location the annotation names', () => {
    const wrapped = request({ op: 'add', user: { email: 'a@b.c' } });
    expect(writtenEntity(write(at('body.user')), wrapped)).toEqual({ email: 'a@b.c' });
    expect(
      writtenEntity(write(at('query.filter')), request(undefined, { query: { filter: { a: 1 } } })),
    ).toEqual({
      a: 1,
    });
  });

  it('is rendered from a template over the request’s parts and the extra scope', () => {
    const template = write({
      template: {
        name: '$body.displayName',
        tenant: '$headers.tenant',
        team: '$path.team',
        region: '$query.region|upper',
        label: 'user ${body.displayName}',
        createdAt: '$now',
        missing: '$body.nothing',
      },
    });
    const values = request(
      { displayName: 'Ann' },
      { path: { team: 'ops' }, query: { region: 'eu' }, headers: { tenant: 't1' } },
    );
    expect(writtenEntity(template, values, { now: 1_700_000_000 })).toEqual({
      name: 'Ann',
      tenant: 't1',
      team: 'ops',
      region: 'EU',
      label: 'user Ann',
      createdAt: 1_700_000_000,
    });
  });

  it.each<[string, OperationAnnotation['entity'], unknown]>([
    ['no body', undefined, undefined],
    ['a body that is a list', undefined, [{ name: 'Ann' }]],
    ['a body that is text', undefined, 'Ann'],
    ['null', undefined, null],
    ['nothing at the location', at('body.user'), { name: 'Ann' }],
    ['a value at the location that is no object', at('body.user'), { user: 'Ann' }],
    ['a template that renders no object', { template: '$body.name' }, { name: 'Ann' }],
  ])('is empty for %s', (_, entity, body) => {
    expect(writtenEntity(write(entity), request(body))).toEqual({});
  });
});
