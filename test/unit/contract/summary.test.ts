import { CHECKS } from '../../../src/contract/checks';
import { foldCoverage } from '../../../src/contract/coverage';
import { summarise } from '../../../src/contract/summary';
import { TOOL_VERSION } from '../../../src/contract/version';
import type { CheckResult, Failure, Outcome, RunEvent, TestCase } from '../../../src/contract/types';
import { makeOperation, makeResponse, makeSpec, makeTestCase } from './helpers';

const alpha = makeSpec({ id: 'alpha' });
const beta = makeSpec({ id: 'beta' });
const listItems = makeOperation({ specId: 'alpha', operationId: 'listItems', method: 'get', path: '/items' });
const createItem = makeOperation({
  specId: 'alpha',
  operationId: 'createItem',
  method: 'post',
  path: '/items',
});
const getThing = makeOperation({
  specId: 'beta',
  operationId: 'getThing',
  method: 'get',
  path: '/things/{id}',
});

const start: RunEvent = {
  type: 'start',
  specs: ['alpha', 'beta'],
  baseUrl: 'http://api.test',
  plannedOperations: 4,
  operations: [
    { spec: 'alpha', operationId: 'listItems', method: 'GET', path: '/items' },
    { spec: 'alpha', operationId: 'createItem', method: 'POST', path: '/items' },
    { spec: 'beta', operationId: 'getThing', method: 'GET', path: '/things/{id}' },
    { spec: 'beta', operationId: 'deleteThing', method: 'DELETE', path: '/things/{id}' },
  ],
  startedAt: '2026-01-01T00:00:00.000Z',
  version: '0.1.0',
  seed: 7,
  readOnly: true,
};

function result(check: string, outcome: Outcome, failures: Failure[] = [], reason?: string): CheckResult {
  return { check, outcome, failures, ...(reason ? { reason } : {}) };
}

function caseEvent(testCase: TestCase, results: CheckResult[]): RunEvent {
  return { type: 'case', testCase, response: makeResponse(), results };
}

const schemaFailures: Failure[] = [
  { path: 'body.id', expected: 'is required', actual: 'missing' },
  { path: 'body.title', expected: 'value that must be string', actual: '3' },
];
const rejected: Failure = { path: 'status', expected: "2xx for example 'x'", actual: '400 {}' };
const undocumented: Failure = { path: 'status', expected: 'one of 201', actual: '200' };
const thingSchema: Failure = { path: 'body', expected: 'value that must be object', actual: '[]' };

const c1 = makeTestCase({ id: 1, spec: alpha, operation: listItems, label: 'list 1' });
const c2 = makeTestCase({ id: 2, spec: alpha, operation: createItem, label: "example 'x'" });
const c3 = makeTestCase({ id: 3, spec: alpha, operation: createItem, label: 'generated valid body' });
const c4 = makeTestCase({ id: 4, spec: beta, operation: getThing, label: 'read thing' });
const c5 = makeTestCase({ id: 5, spec: alpha, operation: listItems, label: 'list 2' });

const events: RunEvent[] = [
  start,
  caseEvent(c1, [
    result('server_error', 'passed'),
    result('undocumented_status', 'passed'),
    result('response_time', 'skipped'),
  ]),
  caseEvent(c2, [
    result('server_error', 'passed'),
    result('response_schema', 'failed', schemaFailures),
    result('valid_data_rejected', 'failed', [rejected]),
  ]),
  caseEvent(c3, [result('undocumented_status', 'known', [undocumented], 'VND-1: answers 200')]),
  { type: 'skipped', spec: 'beta', operationId: 'deleteThing', reason: 'mutating operation (--read-only)' },
  caseEvent(c4, [result('server_error', 'passed'), result('response_schema', 'failed', [thingSchema])]),
  caseEvent(c5, [result('server_error', 'passed'), result('list_stale', 'skipped')]),
  // An `end` event (the summary of an earlier fold) is ignored.
  { type: 'end', summary: summarise([], 0) },
];

const summary = summarise(events, 1234);
const tallyOf = (operationId: string, check: string) =>
  summary.byOperation.find((o) => o.operationId === operationId)?.checks.find((c) => c.check === check);

describe('summarise', () => {
  it('folds no events into an empty, passing summary', () => {
    const nothing = { covered: 0, total: 0, percent: null };
    const noCoverage = {
      operations: nothing,
      statuses: nothing,
      filters: nothing,
      paging: nothing,
      undetailed: 0,
    };
    expect(summarise([], 7)).toEqual({
      baseUrl: '',
      specs: [],
      operations: 0,
      cases: 0,
      checks: { passed: 0, failed: 0, known: 0 },
      failedCases: 0,
      durationMs: 7,
      ok: true,
      byOperation: [],
      findings: [],
      run: { startedAt: '', version: TOOL_VERSION, baseUrl: '', seed: 1, durationMs: 7, readOnly: false },
      coverage: { specs: [], total: noCoverage, operations: [] },
      cleanup: { deleted: 0, left: [] },
    });
  });

  it('counts the entities the cleanup deleted and lists those left behind, in order, with why', () => {
    const cleanup = (outcome: 'deleted' | 'kept' | 'failed', key: string, detail?: string): RunEvent => ({
      type: 'cleanup',
      spec: 'alpha',
      resource: 'item',
      key,
      outcome,
      ...(detail ? { detail } : {}),
    });
    const folded = summarise(
      [
        ...events,
        cleanup('deleted', 'i-1'),
        cleanup('failed', 'i-2', 'answered 500'),
        cleanup('deleted', 'i-3'),
        cleanup('kept', 'i-4', '--keep-data'),
        cleanup('failed', 'i-5'),
      ],
      1234,
    );
    expect(folded.cleanup).toEqual({
      deleted: 2,
      left: [
        { spec: 'alpha', resource: 'item', key: 'i-2', outcome: 'failed', detail: 'answered 500' },
        { spec: 'alpha', resource: 'item', key: 'i-4', outcome: 'kept', detail: '--keep-data' },
        { spec: 'alpha', resource: 'item', key: 'i-5', outcome: 'failed' },
      ],
    });
    // The cleanup is reported, never judged: the tallies are those of the run without it.
    const { cleanup: _ignored, ...rest } = folded;
    const { cleanup: none, ...plain } = summary;
    expect(none).toEqual({ deleted: 0, left: [] });
    expect(rest).toEqual(plain);
  });

  it('carries the run metadata of the start event, with the duration it was given', () => {
    expect(summary.run).toEqual({
      startedAt: '2026-01-01T00:00:00.000Z',
      version: '0.1.0',
      baseUrl: 'http://api.test',
      seed: 7,
      durationMs: 1234,
      readOnly: true,
    });
  });

  it('folds the coverage of the planned operations from the same events', () => {
    expect(summary.coverage).toEqual(foldCoverage(events));
    expect(summary.coverage.specs.map((s) => [s.id, s.operations.covered, s.operations.total])).toEqual([
      ['alpha', 2, 2],
      ['beta', 1, 2],
    ]);
  });

  it('totals the checks that applied; skipped results count nowhere', () => {
    expect(summary).toMatchObject({
      baseUrl: 'http://api.test',
      operations: 3,
      cases: 5,
      checks: { passed: 5, failed: 3, known: 1 },
      durationMs: 1234,
      ok: false,
    });
  });

  it('counts a failed case once, however many of its checks failed', () => {
    expect(summary.failedCases).toBe(2);
  });

  it('has a row per spec: distinct operations, cases, failed cases, known deviations', () => {
    expect(summary.specs).toEqual([
      { id: 'alpha', operations: 2, cases: 4, failed: 1, known: 1 },
      { id: 'beta', operations: 1, cases: 1, failed: 1, known: 0 },
    ]);
  });

  it('is ok when every failure is a known one', () => {
    const knownOnly = summarise([start, events[3]], 1);
    expect(knownOnly).toMatchObject({ ok: true, failedCases: 0, checks: { passed: 0, failed: 0, known: 1 } });
    expect(knownOnly.specs).toEqual([{ id: 'alpha', operations: 1, cases: 1, failed: 0, known: 1 }]);
  });

  it('lists the operations in the order the run met them, skipped ones with their reason', () => {
    expect(
      summary.byOperation.map((o) => `${o.spec}/${o.operationId}:${o.cases}:${o.skipped ?? ''}`),
    ).toEqual([
      'alpha/listItems:2:',
      'alpha/createItem:2:',
      'beta/deleteThing:0:mutating operation (--read-only)',
      'beta/getThing:1:',
    ]);
    expect(summary.byOperation[0]).toMatchObject({ method: 'GET', path: '/items' });
    expect(summary.byOperation[1]).toMatchObject({ method: 'POST', path: '/items' });
  });

  it('names a skipped operation by the method and path the run planned for it', () => {
    expect(summary.byOperation[2]).toMatchObject({ method: 'DELETE', path: '/things/{id}' });
    const unplanned = summarise(
      [
        { ...start, operations: [] },
        { type: 'skipped', spec: 'beta', operationId: 'x', reason: 'r' },
      ],
      1,
    );
    expect(unplanned.byOperation[0]).toMatchObject({ operationId: 'x', method: '', path: '', skipped: 'r' });
  });

  it('keeps a tally of every check of the catalogue per operation', () => {
    for (const operation of summary.byOperation)
      expect(operation.checks.map((c) => [c.check, c.title])).toEqual(CHECKS.map((c) => [c.id, c.title]));
    expect(tallyOf('listItems', 'server_error')).toMatchObject({ passed: 2, failed: 0, known: 0 });
    expect(tallyOf('listItems', 'undocumented_status')).toMatchObject({ passed: 1, failed: 0, known: 0 });
    expect(tallyOf('listItems', 'response_time')).toMatchObject({ passed: 0, failed: 0, known: 0 });
    expect(tallyOf('createItem', 'response_schema')).toMatchObject({ passed: 0, failed: 1, known: 0 });
    expect(tallyOf('createItem', 'undocumented_status')).toMatchObject({ passed: 0, failed: 0, known: 1 });
    expect(tallyOf('deleteThing', 'server_error')).toMatchObject({ passed: 0, failed: 0, known: 0 });
    expect(tallyOf('createItem', 'response_schema')?.findings.map((f) => f.failure)).toEqual(schemaFailures);
  });

  it('makes a finding of every failure, known ones with their reason', () => {
    expect(summary.findings.map((f) => [f.operationId, f.check, f.failure.path, f.known])).toEqual([
      ['createItem', 'response_schema', 'body.id', undefined],
      ['createItem', 'response_schema', 'body.title', undefined],
      ['createItem', 'valid_data_rejected', 'status', undefined],
      ['createItem', 'undocumented_status', 'status', 'VND-1: answers 200'],
      ['getThing', 'response_schema', 'body', undefined],
    ]);
    expect(summary.findings[2]).toEqual({
      spec: 'alpha',
      operationId: 'createItem',
      method: 'POST',
      path: '/items',
      check: 'valid_data_rejected',
      title: 'Valid data rejected',
      severity: 'major',
      caseLabel: "example 'x'",
      failure: rejected,
      curl: "curl -sS -X POST 'http://api.test/items' -H 'accept: application/json'",
      known: undefined,
    });
  });

  it('names a check outside the catalogue by its id', () => {
    const custom = summarise([start, caseEvent(c1, [result('custom_check', 'failed', [rejected])])], 1);
    expect(custom.findings[0]).toMatchObject({
      check: 'custom_check',
      title: 'custom_check',
      severity: 'major',
    });
    expect(custom.checks.failed).toBe(1);
  });
});

describe('summarise masks credentials', () => {
  const secret = 'k3y with/+"=';
  const secretCase = makeTestCase({
    spec: alpha,
    operation: listItems,
    secrets: ['another-credential', secret],
    request: {
      method: 'get',
      path: `/items?api_key=${new URLSearchParams({ v: secret }).toString().slice(2)}&alt=${encodeURIComponent(secret)}`,
      headers: { 'x-api-key': secret, authorization: `Basic ${Buffer.from(secret).toString('base64')}` },
      body: JSON.stringify({ token: secret }),
    },
  });
  const echoed: Failure = {
    path: 'body.token',
    expected: `anything but ${secret}`,
    actual: JSON.stringify({ token: secret }),
  };
  const [finding] = summarise(
    [start, caseEvent(secretCase, [result('server_error', 'failed', [echoed])])],
    1,
  ).findings;
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
  ];

  it.each(forms)('in no form: %s', (form) => {
    for (const text of [finding.curl, finding.failure.expected, finding.failure.actual])
      expect(text).not.toContain(form);
  });

  it('replaces them with a mask, leaving the rest readable', () => {
    expect(finding.curl).toBe(
      "curl -sS -X GET 'http://api.test/items?api_key=****&alt=****' -H 'x-api-key: ****' " +
        `-H 'authorization: Basic ****' --data-raw '{"token":"****"}'`,
    );
    expect(finding.failure).toEqual({
      path: 'body.token',
      expected: 'anything but ****',
      actual: '{"token":"****"}',
    });
  });
});
