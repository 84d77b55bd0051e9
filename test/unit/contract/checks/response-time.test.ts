import { responseTime } from '../../../../src/contract/checks/response-time';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

describe('response_time check', () => {
  it.each<[string, number | undefined, CaseResponse, Failure[] | undefined]>([
    ['no budget: does not apply', undefined, makeResponse({ durationMs: 99_999 }), undefined],
    ['no answer: does not apply', 100, { ...NO_ANSWER, durationMs: 10_000 }, undefined],
    ['well within budget', 100, makeResponse({ durationMs: 3 }), []],
    ['exactly the budget', 100, makeResponse({ durationMs: 100 }), []],
    [
      'over budget',
      100,
      makeResponse({ durationMs: 250.6 }),
      [{ path: 'time', expected: '<= 100 ms', actual: '251 ms' }],
    ],
    [
      'a zero budget',
      0,
      makeResponse({ durationMs: 1 }),
      [{ path: 'time', expected: '<= 0 ms', actual: '1 ms' }],
    ],
  ])('%s', (_, budgetMs, answer, failures) => {
    expect(responseTime.run(checkInput(ACCEPT_STRICT, answer, { budgetMs }), fakeTools())).toEqual(failures);
  });
});
