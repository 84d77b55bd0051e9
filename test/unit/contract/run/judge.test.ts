import { CHECKS } from '../../../../src/contract/checks';
import type { KnownDeviation } from '../../../../src/contract/known-deviations';
import { judge } from '../../../../src/contract/run/judge';
import type { CheckResult } from '../../../../src/contract/types';
import { fakeTools, makeOperation, makeResponse, makeTestCase } from '../helpers';

const operation = makeOperation({ specId: 'demo', operationId: 'listItems' });
const testCase = makeTestCase({ operation });
const ok = makeResponse({ status: 200 });
const crash = makeResponse({ status: 500 });
const SERVER_FAILURE = [{ path: 'status', expected: 'a non-5xx status', actual: '500' }];

const outcomes = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.check, r.outcome]));

describe('judge', () => {
  it('runs every check of the catalogue, in its order', () => {
    const results = judge({ testCase: testCase, response: ok, history: [] }, fakeTools(), []);
    expect(results.map((r) => r.check)).toEqual(CHECKS.map((c) => c.id));
  });

  it('passes what applies and passes, skips what does not apply', () => {
    const results = judge({ testCase: testCase, response: ok, history: [] }, fakeTools(), []);
    expect(outcomes(results)).toEqual({
      server_error: 'passed',
      undocumented_status: 'passed',
      content_type: 'passed',
      response_headers: 'passed',
      response_schema: 'passed',
      negative_data_accepted: 'skipped',
      valid_data_rejected: 'passed',
      auth_accepted: 'skipped',
      created_not_retrievable: 'skipped',
      deleted_still_retrievable: 'skipped',
      list_stale: 'skipped',
      read_reflects_write: 'skipped',
      partial_update_keeps_fields: 'skipped',
      ids_unique: 'skipped',
      unknown_id: 'skipped',
      paging_consistent: 'skipped',
      limit_honoured: 'skipped',
      filter_honoured: 'skipped',
      sort_honoured: 'skipped',
      time_window_honoured: 'skipped',
      secret_echoed: 'skipped',
      aggregates_agree: 'skipped',
      timestamp_plausible: 'skipped',
      response_time: 'skipped',
    });
    expect(results.every((r) => r.failures.length === 0 && r.reason === undefined)).toBe(true);
  });

  it('fails a check with its failures when nothing is known about it', () => {
    const results = judge({ testCase: testCase, response: crash, history: [] }, fakeTools(), []);
    expect(results.find((r) => r.check === 'server_error')).toEqual({
      check: 'server_error',
      outcome: 'failed',
      failures: SERVER_FAILURE,
      reason: undefined,
    });
    // A 5xx is server_error's alone: the status and acceptance checks step aside.
    expect(outcomes(results)).toMatchObject({
      undocumented_status: 'skipped',
      valid_data_rejected: 'skipped',
    });
  });

  it('hands the budget to the checks', () => {
    const slow = makeResponse({ status: 200, durationMs: 300 });
    const results = judge(
      { testCase: testCase, response: slow, budgetMs: 100, history: [] },
      fakeTools(),
      [],
    );
    expect(results.find((r) => r.check === 'response_time')).toMatchObject({
      outcome: 'failed',
      failures: [{ path: 'time', expected: '<= 100 ms', actual: '300 ms' }],
    });
  });

  it('hands the secrets sent and the earlier answers to the checks', () => {
    const leaked = makeResponse({ body: { token: 'tok-123456789' } });
    const withSecrets = judge(
      { testCase, response: leaked, history: [], secretsSent: ['tok-123456789'] },
      fakeTools(),
      [],
    );
    expect(withSecrets.find((r) => r.check === 'secret_echoed')).toEqual({
      check: 'secret_echoed',
      outcome: 'failed',
      failures: [
        {
          path: 'body.token',
          expected: 'the secret masked or left out',
          actual: 'the secret sent, in clear (tok…)',
        },
      ],
      reason: undefined,
    });

    const aggregate = makeTestCase({
      operation,
      expect: {
        kind: 'probe',
        probe: {
          is: 'aggregate',
          name: 'n',
          totalOperation: 'countAll',
          totalAt: ['total'],
          partAt: ['count'],
        },
      },
    });
    const part = makeResponse({ body: { count: 3 } });
    const judged = (total: number) =>
      judge(
        { testCase: aggregate, response: part, history: [makeResponse({ body: { total } })] },
        fakeTools(),
        [],
      ).find((r) => r.check === 'aggregates_agree')?.outcome;
    expect(judged(3)).toBe('passed');
    expect(judged(4)).toBe('failed');
  });

  it.each<[string, KnownDeviation]>([
    ['the operation id', { operation: 'listItems', check: 'server_error', reason: 'r' }],
    ['<spec>/<operationId>', { operation: 'demo/listItems', check: 'server_error', reason: 'r' }],
    ['any operation', { operation: '*', check: 'server_error', reason: 'r' }],
    ['any check of the operation', { operation: 'listItems', check: '*', reason: 'r' }],
    ['anything', { operation: '*', check: '*', reason: 'r' }],
  ])('a failure listed by %s is known, with its reason', (_, deviation) => {
    const reason = `vendor bug VND-1 (${deviation.operation} ${deviation.check})`;
    const results = judge({ testCase: testCase, response: crash, history: [] }, fakeTools(), [
      { ...deviation, reason },
    ]);
    expect(results.find((r) => r.check === 'server_error')).toEqual({
      check: 'server_error',
      outcome: 'known',
      failures: SERVER_FAILURE,
      reason,
    });
  });

  it.each<[string, KnownDeviation]>([
    ['another operation', { operation: 'getItem', check: 'server_error', reason: 'r' }],
    ['the operation of another spec', { operation: 'other/listItems', check: 'server_error', reason: 'r' }],
    ['another check', { operation: 'listItems', check: 'response_time', reason: 'r' }],
    ['a prefix of the operation id', { operation: 'list', check: '*', reason: 'r' }],
  ])('a deviation for %s leaves the failure failed', (_, deviation) => {
    const results = judge({ testCase: testCase, response: crash, history: [] }, fakeTools(), [deviation]);
    expect(results.find((r) => r.check === 'server_error')).toMatchObject({
      outcome: 'failed',
      reason: undefined,
    });
  });

  it('takes the reason of the first matching entry', () => {
    const knownDeviations: KnownDeviation[] = [
      { operation: 'getItem', check: '*', reason: 'not this one' },
      { operation: 'demo/listItems', check: 'server_error', reason: 'first' },
      { operation: '*', check: '*', reason: 'second' },
    ];
    const results = judge({ testCase: testCase, response: crash, history: [] }, fakeTools(), knownDeviations);
    expect(results.find((r) => r.check === 'server_error')?.reason).toBe('first');
  });

  it('never turns a pass or a skip into a known deviation', () => {
    const knownDeviations: KnownDeviation[] = [{ operation: '*', check: '*', reason: 'everything' }];
    const results = judge({ testCase: testCase, response: ok, history: [] }, fakeTools(), knownDeviations);
    expect(results.filter((r) => r.outcome === 'known')).toEqual([]);
  });

  it('turns a check that throws into a finding of that check, and judges the others', () => {
    const broken = {
      validateResponse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'split')");
      },
    };
    const results = judge({ testCase, response: ok, history: [] }, broken, []);
    expect(results.find((r) => r.check === 'response_schema')).toMatchObject({
      outcome: 'failed',
      failures: [
        {
          path: 'check',
          expected: 'the response_schema check to complete',
          actual: "it failed: Cannot read properties of undefined (reading 'split')",
        },
      ],
    });
    expect(results.find((r) => r.check === 'server_error')?.outcome).toBe('passed');
  });
});
