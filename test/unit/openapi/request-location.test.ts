import { readLocation } from '../../../src/openapi/request-location';
import { at } from '../helpers/model';
import { validatedRequest } from '../helpers/requests';

const request = validatedRequest({
  path: { uuid: 'u1' },
  query: { limit: 10, tags: ['a', 'b'] },
  headers: { 'x-tenant': 't1' },
  body: { access: { level: 'admin' }, incident_ids: [1, 2], nothing: null },
});

describe('readLocation', () => {
  it.each([
    ['path.uuid', 'u1'],
    ['query.limit', 10],
    ['query.tags', ['a', 'b']],
    ['headers.x-tenant', 't1'],
    ['body.access.level', 'admin'],
    ['body.incident_ids[]', [1, 2]],
    ['body', request.body],
    ['body.missing', undefined],
    ['body.nothing.deeper', undefined],
    ['body.access.level.deeper', undefined],
    ['path.other', undefined],
  ])('%s -> %j', (location, expected) => {
    expect(readLocation(request, at(location))).toEqual(expected);
  });

  it('reads nothing from a request without a body', () => {
    expect(readLocation(validatedRequest(), at('body.x'))).toBeUndefined();
  });
});
