import { count, foldCoverage } from '../../../src/contract/coverage';
import { sentValue } from '../../../src/contract/sent-request';
import type { CaseRequest, CaseResponse, PlannedOperation, RunEvent } from '../../../src/contract/types';
import type { Operation, SpecModel } from '../../../src/openapi';
import { at } from '../helpers/model';
import { makeOperation, makeResponse, makeSpec, makeTestCase, response } from './helpers';

/**
 * API coverage folded from in-memory events: which planned operations had a case, which documented statuses
 * were observed, which declared filters and page parameters some request sent with a value.
 */

const listAlerts = makeOperation({
  specId: 'alerts',
  operationId: 'listAlerts',
  path: '/alerts',
  responses: [response('200'), response('401'), response('4XX'), response('default')],
  mock: {
    filters: [
      { param: at('query.status'), field: 'status', match: 'equals' },
      { param: at('query.tag[]'), field: 'tags', match: 'in' },
    ],
    page: { offset: at('query.offset'), limit: at('query.limit') },
  },
});
const searchAlerts = makeOperation({
  specId: 'alerts',
  operationId: 'searchAlerts',
  method: 'post',
  path: '/alerts/search',
  responses: [response('200')],
  mock: {
    filters: [
      { param: at('body.severity[]'), field: 'severity', match: 'in' },
      { param: at('body.filter.host'), field: 'host', match: 'equals' },
    ],
    page: { offset: at('body.skip'), limit: at('body.limit') },
  },
});
const getAlert = makeOperation({
  specId: 'alerts',
  operationId: 'getAlert',
  path: '/alerts/{id}',
  responses: [response('200'), response('404')],
});
const deleteAlert = makeOperation({
  specId: 'alerts',
  operationId: 'deleteAlert',
  method: 'delete',
  path: '/alerts/{id}',
  responses: [response('204'), response('404'), response('404')],
});
const alerts = makeSpec({ id: 'alerts', operations: [listAlerts, searchAlerts, getAlert, deleteAlert] });
const getUser = makeOperation({ specId: 'users', operationId: 'getUser', path: '/users/{id}' });

const plan = (op: Operation): PlannedOperation => ({
  spec: op.specId,
  operationId: op.operationId,
  method: op.method.toUpperCase(),
  path: op.path,
});

function start(operations: Operation[]): RunEvent {
  return {
    type: 'start',
    specs: [...new Set(operations.map((op) => op.specId))],
    baseUrl: 'http://api.test',
    plannedOperations: operations.length,
    operations: operations.map(plan),
    startedAt: '2026-01-01T00:00:00.000Z',
    version: '0.1.0',
    seed: 1,
    readOnly: false,
  };
}

/** A case of the operation sending `path` (and `body`), answered with `status`. */
function sent(
  operation: Operation,
  path: string,
  status = 200,
  init: { body?: string; headers?: Record<string, string>; spec?: SpecModel } = {},
): RunEvent {
  const request: CaseRequest = {
    method: operation.method,
    path,
    headers: { accept: 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  };
  const answer: CaseResponse = makeResponse({ status });
  return {
    type: 'case',
    testCase: makeTestCase({ spec: init.spec ?? alerts, operation, request }),
    response: answer,
    results: [],
  };
}

const detailOf = (events: RunEvent[], operationId: string) =>
  foldCoverage(events).operations.find((op) => op.operationId === operationId)?.detail;

describe('foldCoverage: operations', () => {
  it.each<[string, RunEvent[], [number, number]]>([
    ['no case at all', [start([listAlerts, getAlert])], [0, 2]],
    ['a case of one of two', [start([listAlerts, getAlert]), sent(listAlerts, '/alerts')], [1, 2]],
    [
      'cases of both',
      [start([listAlerts, getAlert]), sent(listAlerts, '/alerts'), sent(getAlert, '/alerts/a1')],
      [2, 2],
    ],
    [
      'a case of an operation that was not planned (a login, a setup) counts nowhere',
      [start([listAlerts]), sent(getAlert, '/alerts/a1')],
      [0, 1],
    ],
    [
      'a case whatever its answer (a refusal, no answer)',
      [start([getAlert]), sent(getAlert, '/x', 0)],
      [1, 1],
    ],
  ])('%s', (_, events, [covered, total]) => {
    expect(foldCoverage(events).total.operations).toMatchObject({ covered, total });
  });
});

describe('foldCoverage: statuses', () => {
  it.each<[string, number[], string[]]>([
    ['a documented status', [200], ['200']],
    ['a status counts once however often it is seen', [200, 200], ['200']],
    ['a status within a documented range counts for the range', [422], ['4XX']],
    ['an exactly documented status counts for itself, not its range', [401], ['401']],
    ['an undocumented status counts for nothing (`default` is not counted)', [500, 302], []],
    ['no answer (a transport error) counts for nothing', [0], []],
    ['all of them', [401, 200, 404], ['200', '401', '4XX']],
  ])('%s', (_, statuses, observed) => {
    const events = [start([listAlerts]), ...statuses.map((s) => sent(listAlerts, '/alerts', s))];
    expect(detailOf(events, 'listAlerts')?.statuses).toEqual({
      documented: ['200', '401', '4XX'],
      observed,
    });
  });

  it('counts a status documented twice once', () => {
    const events = [start([deleteAlert]), sent(deleteAlert, '/alerts/a1', 404)];
    expect(detailOf(events, 'deleteAlert')?.statuses).toEqual({
      documented: ['204', '404'],
      observed: ['404'],
    });
    expect(foldCoverage(events).total.statuses).toEqual({ covered: 1, total: 2, percent: 50 });
  });
});

describe('foldCoverage: filters and paging', () => {
  const json = (value: unknown) => ({
    body: JSON.stringify(value),
    headers: { 'content-type': 'application/json' },
  });

  it.each<[string, RunEvent[], string[], string[]]>([
    ['nothing sent', [sent(listAlerts, '/alerts')], [], []],
    ['a filter in the query', [sent(listAlerts, '/alerts?status=open')], ['query.status'], []],
    ['an empty value is no value', [sent(listAlerts, '/alerts?status=&tag=')], [], []],
    ['a repeated query parameter', [sent(listAlerts, '/alerts?tag=a&tag=b')], ['query.tag[]'], []],
    ['a bracketed query parameter', [sent(listAlerts, '/alerts?tag[]=a')], ['query.tag[]'], []],
    [
      'filters and page parameters over several cases',
      [sent(listAlerts, '/alerts?limit=10'), sent(listAlerts, '/alerts?offset=10&limit=10&status=open')],
      ['query.status'],
      ['query.offset', 'query.limit'],
    ],
    ['paging alone', [sent(listAlerts, '/alerts?limit=5')], [], ['query.limit']],
  ])('GET: %s', (_, cases, filters, paging) => {
    const detail = detailOf([start([listAlerts]), ...cases], 'listAlerts');
    expect(detail?.filters).toEqual({ declared: ['query.status', 'query.tag[]'], exercised: filters });
    expect(detail?.paging).toEqual({ declared: ['query.offset', 'query.limit'], exercised: paging });
  });

  it.each<[string, RunEvent[], string[], string[]]>([
    ['no body', [sent(searchAlerts, '/alerts/search')], [], []],
    [
      'a filter in the JSON body',
      [sent(searchAlerts, '/x', 200, json({ severity: ['high'] }))],
      ['body.severity[]'],
      [],
    ],
    [
      'an empty list filters nothing',
      [sent(searchAlerts, '/x', 200, json({ severity: [], filter: { host: null } }))],
      [],
      [],
    ],
    [
      'a nested filter',
      [sent(searchAlerts, '/x', 200, json({ filter: { host: 'h1' } }))],
      ['body.filter.host'],
      [],
    ],
    [
      'page parameters in the body, 0 being a value',
      [sent(searchAlerts, '/x', 200, json({ skip: 0, limit: 50 }))],
      [],
      ['body.skip', 'body.limit'],
    ],
    [
      'a malformed JSON body carries nothing',
      [sent(searchAlerts, '/x', 400, { body: '{"severity":["high"' })],
      [],
      [],
    ],
    [
      'a form body',
      [
        sent(searchAlerts, '/x', 200, {
          body: 'limit=5&severity=high',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      ],
      ['body.severity[]'],
      ['body.limit'],
    ],
    ['the query does not count for the body', [sent(searchAlerts, '/x?limit=5&severity=high')], [], []],
  ])('POST: %s', (_, cases, filters, paging) => {
    const detail = detailOf([start([searchAlerts]), ...cases], 'searchAlerts');
    expect(detail?.filters).toEqual({
      declared: ['body.severity[]', 'body.filter.host'],
      exercised: filters,
    });
    expect(detail?.paging).toEqual({ declared: ['body.skip', 'body.limit'], exercised: paging });
  });

  it('totals filters and paging per spec and in total', () => {
    const events = [
      start([listAlerts, searchAlerts, getAlert]),
      sent(listAlerts, '/alerts?status=open&limit=5'),
      sent(searchAlerts, '/x', 200, json({ severity: ['low'] })),
    ];
    const { specs, total } = foldCoverage(events);
    expect(total.filters).toEqual({ covered: 2, total: 4, percent: 50 });
    expect(total.paging).toEqual({ covered: 1, total: 4, percent: 25 });
    expect(specs).toEqual([{ id: 'alerts', ...total }]);
  });
});

describe('sentValue', () => {
  const request = (path: string, headers: Record<string, string> = {}): CaseRequest => ({
    method: 'get',
    path,
    headers,
  });

  it.each<[string, CaseRequest, string, string, unknown]>([
    ['a query parameter', request('/a?x=1&x=2'), '/a', 'query.x', ['1', '2']],
    ['a deep-object query parameter', request('/a?f[x]=1'), '/a', 'query.f.x', ['1']],
    ['a header, whatever its case', request('/a', { 'X-Tenant': 't1' }), '/a', 'headers.x-tenant', 't1'],
    ['a path parameter, decoded', request('/a/b%2Fc/d?q=1'), '/a/{id}/d', 'path.id', 'b/c'],
    ['a path parameter the template lacks', request('/a/b'), '/a/b', 'path.id', undefined],
  ])('reads %s', (_, req, template, location, value) => {
    expect(sentValue(req, template, at(location))).toEqual(value);
  });
});

describe('foldCoverage: planned operations without a case', () => {
  it('reads what they declare from the model of another case of their spec', () => {
    const events = [start([listAlerts, deleteAlert]), sent(listAlerts, '/alerts')];
    const coverage = foldCoverage(events);
    expect(coverage.operations[1]).toEqual({
      ...plan(deleteAlert),
      exercised: false,
      detail: {
        statuses: { documented: ['204', '404'], observed: [] },
        filters: { declared: [], exercised: [] },
        paging: { declared: [], exercised: [] },
      },
    });
    expect(coverage.total).toMatchObject({ statuses: { covered: 1, total: 5 }, undetailed: 0 });
  });

  it('prefers the operation a case carries to its spec model', () => {
    // The case's spec model lists no operations (a hand-built case): its own operation still counts.
    const bare = makeSpec({ id: 'alerts', operations: [] });
    const events = [start([getAlert]), sent(getAlert, '/alerts/a1', 404, { spec: bare })];
    expect(detailOf(events, 'getAlert')?.statuses).toEqual({ documented: ['200', '404'], observed: ['404'] });
  });

  it('counts them as not exercised with unknown details when no case of their spec was sent', () => {
    const events = [start([listAlerts, getUser]), sent(listAlerts, '/alerts', 200)];
    const coverage = foldCoverage(events);
    expect(coverage.operations[1]).toEqual({ ...plan(getUser), exercised: false });
    expect(coverage.specs.map((s) => s.id)).toEqual(['alerts', 'users']);
    expect(coverage.specs[1]).toEqual({
      id: 'users',
      operations: { covered: 0, total: 1, percent: 0 },
      statuses: { covered: 0, total: 0, percent: null },
      filters: { covered: 0, total: 0, percent: null },
      paging: { covered: 0, total: 0, percent: null },
      undetailed: 1,
    });
    expect(coverage.total).toMatchObject({
      operations: { covered: 1, total: 2, percent: 50 },
      statuses: { covered: 1, total: 3 },
      undetailed: 1,
    });
  });

  it('is empty without a start event', () => {
    expect(foldCoverage([sent(listAlerts, '/alerts')])).toMatchObject({
      specs: [],
      operations: [],
      total: { operations: { covered: 0, total: 0, percent: null } },
    });
  });
});

describe('count', () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 3, 0],
    [2, 3, 67],
    [18, 25, 72],
    [5, 5, 100],
    [199, 200, 99],
    [1, 1000, 1],
  ])('%i of %i is %p %', (covered, total, percent) => {
    expect(count(covered, total)).toEqual({ covered, total, percent });
  });
});
