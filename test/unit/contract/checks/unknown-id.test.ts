import { unknownIdAnswered } from '../../../../src/contract/checks/unknown-id';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const unknown = (key: unknown, statuses: number[] = [404]): Expectation => ({
  kind: 'probe',
  probe: { is: 'unknown_id', key, statuses },
});
const MISSING = unknown('inc-1-missing-tok');

describe('unknown_id check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, makeResponse({ status: 200 }), undefined],
    [
      'a read after delete (deleted_still_retrievable’s): does not apply',
      chainStep({ is: 'gone', key: 'inc-1', statuses: [404] }),
      makeResponse({ status: 200 }),
      undefined,
    ],
    [
      'another probe: does not apply',
      {
        kind: 'probe',
        probe: { is: 'window', list: { itemsPointer: [] }, field: 't', from: 0, to: 1, clock: 'iso' },
      },
      makeResponse({ status: 200 }),
      undefined,
    ],
    ['no answer: does not apply', MISSING, NO_ANSWER, undefined],
    ['a server error is server_error’s', MISSING, makeResponse({ status: 500 }), undefined],
    ['the documented not-found', MISSING, makeResponse({ status: 404 }), []],
    [
      'one of the documented statuses',
      unknown('inc-1-missing-tok', [404, 410]),
      makeResponse({ status: 410 }),
      [],
    ],
    [
      'success for an id nothing is stored under',
      MISSING,
      makeResponse({ status: 200 }),
      [{ path: 'status', expected: '404 for the unknown id "inc-1-missing-tok"', actual: '200' }],
    ],
    [
      'an empty success',
      unknown(987_654_321),
      makeResponse({ status: 204, body: undefined }),
      [{ path: 'status', expected: '404 for the unknown id 987654321', actual: '204' }],
    ],
    [
      'a refusal of another kind',
      unknown('inc-1-missing-tok', [404, 410]),
      makeResponse({ status: 400 }),
      [{ path: 'status', expected: '404 or 410 for the unknown id "inc-1-missing-tok"', actual: '400' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(unknownIdAnswered.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
