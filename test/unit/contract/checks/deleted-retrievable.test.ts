import { deletedStillRetrievable } from '../../../../src/contract/checks/deleted-retrievable';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const GONE = chainStep({ is: 'gone', key: 'inc-1', statuses: [404] });
const GONE_TWO = chainStep({ is: 'gone', key: 7, statuses: [404, 410] });
const ABSENT = chainStep({ is: 'exists', key: 'inc-1', present: false, pointer: ['data', 'exists'] });

describe('deleted_still_retrievable check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, makeResponse({ status: 200 }), undefined],
    [
      'a read after create: does not apply',
      chainStep({ is: 'retrievable', key: 'inc-1' }),
      makeResponse({ status: 200 }),
      undefined,
    ],
    [
      'an exists after create: does not apply',
      chainStep({ is: 'exists', key: 'inc-1', present: true, pointer: ['exists'] }),
      makeResponse({ body: { exists: false } }),
      undefined,
    ],
    ['no answer: does not apply', GONE, NO_ANSWER, undefined],
    ['gone with the documented 404', GONE, makeResponse({ status: 404 }), []],
    ['gone with 410', GONE_TWO, makeResponse({ status: 410 }), []],
    [
      'still there with 200',
      GONE,
      makeResponse({ status: 200 }),
      [{ path: 'status', expected: '404 reading deleted inc-1', actual: '200' }],
    ],
    [
      'refused with another status',
      GONE_TWO,
      makeResponse({ status: 400 }),
      [{ path: 'status', expected: '404 or 410 reading deleted 7', actual: '400' }],
    ],
    ['exists answers false', ABSENT, makeResponse({ body: { data: { exists: false } } }), []],
    [
      'exists still answers true',
      ABSENT,
      makeResponse({ body: { data: { exists: true } } }),
      [{ path: 'body.data.exists', expected: 'false', actual: 'true' }],
    ],
    [
      'exists answers a falsy non-boolean',
      ABSENT,
      makeResponse({ body: { data: { exists: 0 } } }),
      [{ path: 'body.data.exists', expected: 'false', actual: '0' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(deletedStillRetrievable.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
