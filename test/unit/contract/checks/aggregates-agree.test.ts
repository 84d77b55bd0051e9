import { aggregatesAgree } from '../../../../src/contract/checks/aggregates-agree';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

const PART: Expectation = {
  kind: 'probe',
  probe: {
    is: 'aggregate',
    name: 'threats per severity',
    totalOperation: 'countThreats',
    totalAt: ['summary', 'total'],
    partAt: ['severities[]', 'count'],
  },
};
/** A total spread over a list, like a part. */
const SPREAD: Expectation = {
  kind: 'probe',
  probe: {
    is: 'aggregate',
    name: 'threats per host',
    totalOperation: 'countThreats',
    totalAt: ['days[]', 'count'],
    partAt: ['hosts[]', 'count'],
  },
};
const EXPECTED_10 = 'a sum of 10 (countThreats summary.total: threats per severity)';

const total = (value: unknown) => makeResponse({ body: { summary: { total: value } } });
const parts = (...counts: unknown[]) =>
  makeResponse({ body: { severities: counts.map((count) => ({ count })) } });

const run = (expectation: Expectation, response: CaseResponse, history: CaseResponse[]) =>
  aggregatesAgree.run({ ...checkInput(expectation, response), history }, fakeTools());

describe('aggregates_agree check', () => {
  it.each<[string, Expectation, CaseResponse, CaseResponse[], Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, parts(1), [total(10)], undefined],
    [
      'another probe: does not apply',
      { kind: 'probe', probe: { is: 'unknown_id', key: 'x', statuses: [404] } },
      parts(1),
      [total(10)],
      undefined,
    ],
    ['no total answered: does not apply', PART, parts(1), [], undefined],
    ['a total that failed: does not apply', PART, parts(1), [makeResponse({ status: 500 })], undefined],
    ['a total that went unanswered: does not apply', PART, parts(1), [NO_ANSWER], undefined],
    ['a part that failed: does not apply', PART, makeResponse({ status: 403 }), [total(10)], undefined],
    [
      'a missing total: nothing to compare with',
      PART,
      parts(1),
      [makeResponse({ body: { summary: {} } })],
      undefined,
    ],
    ['a total that is no number', PART, parts(1), [total('many')], undefined],
    ['a part count that is no number', PART, parts(4, null), [total(10)], undefined],
    ['parts that add up', PART, parts(1, 2, 3, 4), [total(10)], []],
    ['counts as numeric text', PART, parts('6', 4), [total('10')], []],
    ['an empty breakdown of nothing', PART, parts(), [total(0)], []],
    [
      'an empty breakdown of something',
      PART,
      parts(),
      [total(10)],
      [{ path: 'body.severities[].count', expected: EXPECTED_10, actual: 'a sum of 0' }],
    ],
    [
      'parts that do not add up',
      PART,
      parts(1, 2, 3),
      [total(10)],
      [{ path: 'body.severities[].count', expected: EXPECTED_10, actual: 'a sum of 6' }],
    ],
    [
      'compared with the latest total answered',
      PART,
      parts(5),
      [total(5), total(10)],
      [{ path: 'body.severities[].count', expected: EXPECTED_10, actual: 'a sum of 5' }],
    ],
    [
      'a total summed over a list',
      SPREAD,
      makeResponse({ body: { hosts: [{ count: 4 }, { count: 3 }] } }),
      [makeResponse({ body: { days: [{ count: 5 }, { count: 2 }] } })],
      [],
    ],
    [
      'a total summed over a list, disagreeing',
      SPREAD,
      makeResponse({ body: { hosts: [{ count: 4 }] } }),
      [makeResponse({ body: { days: [{ count: 5 }, { count: 2 }] } })],
      [
        {
          path: 'body.hosts[].count',
          expected: 'a sum of 7 (countThreats days[].count: threats per host)',
          actual: 'a sum of 4',
        },
      ],
    ],
  ])('%s', (_, expectation, response, history, failures) => {
    expect(run(expectation, response, history)).toEqual(failures);
  });
});
