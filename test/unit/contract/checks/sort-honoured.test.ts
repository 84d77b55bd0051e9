import { sortHonoured } from '../../../../src/contract/checks/sort-honoured';
import type { CaseRequest, CaseResponse, Failure } from '../../../../src/contract/types';
import type { Operation, SortSpec } from '../../../../src/openapi';
import { at } from '../../helpers/model';
import { NO_ANSWER, checkInput, fakeTools, makeOperation, makeResponse } from '../helpers';

const NEWEST_FIRST: SortSpec = {
  by: 'created',
  order: 'desc',
  unless: [at('query.sort'), at('body.order.field')],
};

const listIncidents = (sort: SortSpec | null = NEWEST_FIRST, response: unknown = { data: '$items' }) =>
  makeOperation({
    operationId: 'listIncidents',
    method: 'post',
    path: '/incidents/search',
    mock: { resource: 'incident', action: 'list', response, ...(sort ? { sort } : {}) },
  });
const request = (query = '', body?: unknown): CaseRequest => ({
  method: 'post',
  path: `/incidents/search${query}`,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const listed = (...created: unknown[]) =>
  makeResponse({ body: { data: created.map((c) => ({ created: c })) } });

const run = (operation: Operation, response: CaseResponse, sent: CaseRequest = request()) =>
  sortHonoured.run(
    checkInput({ kind: 'accept', strict: true }, response, { operation, request: sent }),
    fakeTools(),
  );

describe('sort_honoured check', () => {
  it.each<[string, Operation, CaseResponse, CaseRequest, Failure[] | undefined]>([
    [
      'a list without a declared order: does not apply',
      listIncidents(null),
      listed(1, 3, 2),
      request(),
      undefined,
    ],
    [
      'an operation that answers no list: does not apply',
      listIncidents(NEWEST_FIRST, '$entity'),
      listed(1, 3, 2),
      request(),
      undefined,
    ],
    ['no answer: does not apply', listIncidents(), NO_ANSWER, request(), undefined],
    ['a refused list: does not apply', listIncidents(), makeResponse({ status: 400 }), request(), undefined],
    [
      'no list in the answer: does not apply',
      listIncidents(),
      makeResponse({ body: {} }),
      request(),
      undefined,
    ],
    [
      'its own order asked in the query: does not apply',
      listIncidents(),
      listed(1, 3, 2),
      request('?sort=title'),
      undefined,
    ],
    [
      'its own order asked in the body: does not apply',
      listIncidents(),
      listed(1, 3, 2),
      request('', { order: { field: 'title' } }),
      undefined,
    ],
    [
      'an empty order asks for none',
      listIncidents(),
      listed(1, 3),
      request('?sort=', { order: { field: '' } }),
      [{ path: 'body.data', expected: 'items by created descending', actual: '1 before 3 (item 1)' }],
    ],
    ['in the declared order', listIncidents(), listed(3, 2, 2, 1), request(), []],
    ['an empty list', listIncidents(), listed(), request(), []],
    ['items without the field are not judged', listIncidents(), listed(3, null, undefined, 1), request(), []],
    [
      'out of order after an item without the field: the item is named by its place in the list',
      listIncidents(),
      listed(3, null, 1, 2),
      request(),
      [{ path: 'body.data', expected: 'items by created descending', actual: '1 before 2 (item 3)' }],
    ],
    [
      'out of order',
      listIncidents(),
      listed(3, 1, 2),
      request(),
      [{ path: 'body.data', expected: 'items by created descending', actual: '1 before 2 (item 2)' }],
    ],
    [
      'ascending, by text',
      listIncidents({ by: 'created', order: 'asc' }),
      listed('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'),
      request('?sort=title'),
      [
        {
          path: 'body.data',
          expected: 'items by created ascending',
          actual: '"2025-01-02T00:00:00Z" before "2025-01-01T00:00:00Z" (item 1)',
        },
      ],
    ],
    [
      'ascending numbers by value, not as text',
      listIncidents({ by: 'created', order: 'asc' }),
      listed(9, 10, 100),
      request(),
      [],
    ],
  ])('%s', (_, operation, response, sent, failures) => {
    expect(run(operation, response, sent)).toEqual(failures);
  });
});
