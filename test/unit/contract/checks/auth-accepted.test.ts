import { authAccepted } from '../../../../src/contract/checks/auth-accepted';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const UNAUTHENTICATED: Expectation = { kind: 'refuse', because: 'unauthenticated', statuses: [401] };
const FORBIDDEN: Expectation = { kind: 'refuse', because: 'forbidden', statuses: [403, 401] };
const INVALID: Expectation = { kind: 'refuse', because: 'invalid', statuses: [400] };

describe('auth_accepted check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, makeResponse({ status: 200 }), undefined],
    ['a negative case: does not apply', INVALID, makeResponse({ status: 200 }), undefined],
    ['a chain link: does not apply', chainStep({ is: 'create' }), makeResponse({ status: 200 }), undefined],
    ['no answer: does not apply', UNAUTHENTICATED, NO_ANSWER, undefined],
    ['a 5xx: does not apply', UNAUTHENTICATED, makeResponse({ status: 500 }), undefined],
    ['refused with the documented 401', UNAUTHENTICATED, makeResponse({ status: 401 }), []],
    ['under-scoped, refused with 403', FORBIDDEN, makeResponse({ status: 403 }), []],
    ['under-scoped, refused with 401', FORBIDDEN, makeResponse({ status: 401 }), []],
    [
      'refused with an undocumented 403',
      UNAUTHENTICATED,
      makeResponse({ status: 403 }),
      [{ path: 'status', expected: '401 for no credentials', actual: '403' }],
    ],
    [
      'refused with 400',
      FORBIDDEN,
      makeResponse({ status: 400 }),
      [{ path: 'status', expected: '403 or 401 for no credentials', actual: '400' }],
    ],
    [
      'accepted',
      UNAUTHENTICATED,
      makeResponse({ status: 200 }),
      [{ path: 'status', expected: 'a refusal (401) for no credentials', actual: '200' }],
    ],
    [
      'accepted under-scoped',
      FORBIDDEN,
      makeResponse({ status: 204, body: undefined }),
      [{ path: 'status', expected: 'a refusal (403 or 401) for no credentials', actual: '204' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    const input = checkInput(expectation, answer, { kind: 'auth', label: 'no credentials' });
    expect(authAccepted.run(input, fakeTools())).toEqual(failures);
  });
});
