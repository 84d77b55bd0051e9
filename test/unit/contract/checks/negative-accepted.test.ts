import { negativeDataAccepted } from '../../../../src/contract/checks/negative-accepted';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const INVALID: Expectation = { kind: 'refuse', because: 'invalid', statuses: [400] };
const INVALID_TWO: Expectation = { kind: 'refuse', because: 'invalid', statuses: [400, 422] };
const UNAUTHENTICATED: Expectation = { kind: 'refuse', because: 'unauthenticated', statuses: [401] };
const LABEL = 'missing required body.title';

describe('negative_data_accepted check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, makeResponse({ status: 200 }), undefined],
    ['a chain link: does not apply', chainStep({ is: 'create' }), makeResponse({ status: 200 }), undefined],
    ['an auth case: does not apply', UNAUTHENTICATED, makeResponse({ status: 200 }), undefined],
    ['no answer: does not apply', INVALID, NO_ANSWER, undefined],
    ['a 5xx: does not apply', INVALID, makeResponse({ status: 500 }), undefined],
    ['the documented refusal', INVALID, makeResponse({ status: 400 }), []],
    ['the second documented refusal', INVALID_TWO, makeResponse({ status: 422 }), []],
    ['another 4xx is still a refusal', INVALID, makeResponse({ status: 422 }), []],
    [
      'accepted with 200',
      INVALID,
      makeResponse({ status: 200 }),
      [{ path: 'status', expected: `a refusal (400) of ${LABEL}`, actual: '200' }],
    ],
    [
      'accepted with 201, two documented refusals',
      INVALID_TWO,
      makeResponse({ status: 201 }),
      [{ path: 'status', expected: `a refusal (400 or 422) of ${LABEL}`, actual: '201' }],
    ],
    [
      'redirected',
      INVALID,
      makeResponse({ status: 302 }),
      [{ path: 'status', expected: `a refusal (400) of ${LABEL}`, actual: '302' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    const input = checkInput(expectation, answer, { kind: 'negative', label: LABEL });
    expect(negativeDataAccepted.run(input, fakeTools())).toEqual(failures);
  });
});
