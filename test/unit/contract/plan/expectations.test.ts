import { isMutating, refusalStatuses } from '../../../../src/contract/plan/expectations';
import type { ErrorKind, Operation, OperationAnnotation } from '../../../../src/openapi';
import { DEFAULT_ERRORS, makeOperation, makeSpec, response } from '../helpers';

const spec = makeSpec();
const documenting = (statuses: string[], errors: OperationAnnotation['errors'] = {}): Operation =>
  makeOperation({ operationId: 'op', responses: statuses.map((s) => response(s)), mock: { errors } });

describe('refusalStatuses', () => {
  it.each<[string, string[], ErrorKind, OperationAnnotation['errors'], number[]]>([
    ["the spec's envelope status, documented", ['200', '400', '401', '422'], 'validation', {}, [400]],
    [
      "the operation's own envelope status",
      ['200', '400', '422'],
      'validation',
      { validation: { status: 422, body: {} } },
      [422],
    ],
    ['an envelope status documented by a range', ['200', '4XX'], 'unauthorized', {}, [401]],
    ['an envelope status documented by default', ['200', 'default'], 'forbidden', {}, [403]],
    ['every documented 4xx for validation', ['200', '409', '422'], 'validation', {}, [409, 422]],
    ['401 or 403 for unauthorized', ['200', '400', '403'], 'unauthorized', {}, [403]],
    ['403 or 401 for forbidden', ['200', '400', '401'], 'forbidden', {}, [401]],
    ['404 or 410 for notFound', ['200', '400', '410'], 'notFound', {}, [410]],
    ['every 4xx when none fits the kind', ['200', '400', '429'], 'unauthorized', {}, [400, 429]],
    ['nothing when no 4xx is documented', ['200', '500'], 'validation', {}, []],
  ])('%s', (_, statuses, kind, errors, expected) => {
    expect(refusalStatuses(spec, documenting(statuses, errors), kind)).toEqual(expected);
  });

  it("reads the spec's envelopes", () => {
    const teapot = makeSpec({ errors: { ...DEFAULT_ERRORS, validation: { status: 418, body: {} } } });
    expect(refusalStatuses(teapot, documenting(['200', '400', '418']), 'validation')).toEqual([418]);
  });
});

describe('isMutating', () => {
  it.each<[Operation['method'], Operation['mock']['action'] | undefined, boolean]>([
    ['get', undefined, false],
    ['head', undefined, false],
    ['options', undefined, false],
    ['post', undefined, true],
    ['put', undefined, true],
    ['patch', undefined, true],
    ['delete', undefined, true],
    ['post', 'list', false],
    ['post', 'read', false],
    ['post', 'exists', false],
    ['get', 'create', true],
    ['get', 'upsert', true],
    ['put', 'update', true],
    ['post', 'delete', true],
  ])('%s with action %s: %s', (method, action, mutating) => {
    expect(isMutating(makeOperation({ operationId: 'op', method, mock: action ? { action } : {} }))).toBe(
      mutating,
    );
  });

  it('lets a query sent as POST through --read-only: it declares it changes nothing', () => {
    const query = makeOperation({ operationId: 'op', method: 'post', mock: { query: true } });
    expect(isMutating(query)).toBe(false);
    expect(isMutating({ ...query, mock: { ...query.mock, query: false } })).toBe(true);
  });
});
