import { validDataRejected } from '../../../../src/contract/checks/valid-rejected';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const LOOSE: Expectation = { kind: 'accept', strict: false };
const INVALID: Expectation = { kind: 'refuse', because: 'invalid', statuses: [400] };
const LABEL = "example 'groceries'";
const longText = `{"error":"${'e'.repeat(200)}"}`;

describe('valid_data_rejected check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['a loose accepted case: does not apply', LOOSE, makeResponse({ status: 400 }), undefined],
    ['a refusal case: does not apply', INVALID, makeResponse({ status: 400 }), undefined],
    ['a chain link: does not apply', chainStep({ is: 'create' }), makeResponse({ status: 400 }), undefined],
    ['no answer: does not apply', ACCEPT_STRICT, NO_ANSWER, undefined],
    ['a 5xx: does not apply', ACCEPT_STRICT, makeResponse({ status: 503 }), undefined],
    ['200', ACCEPT_STRICT, makeResponse({ status: 200 }), []],
    ['204', ACCEPT_STRICT, makeResponse({ status: 204, body: undefined }), []],
    ['a 3xx is not a refusal', ACCEPT_STRICT, makeResponse({ status: 304 }), []],
    [
      'refused with 400',
      ACCEPT_STRICT,
      makeResponse({ status: 400, body: { error: 'bad' } }),
      [{ path: 'status', expected: `2xx for ${LABEL}`, actual: '400 {"error":"bad"}' }],
    ],
    [
      'refused with 404 and a long body, quoted whole (the summary shortens it once masked)',
      ACCEPT_STRICT,
      makeResponse({ status: 404, text: longText }),
      [{ path: 'status', expected: `2xx for ${LABEL}`, actual: `404 ${longText}` }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    const input = checkInput(expectation, answer, { kind: 'example', label: LABEL });
    expect(validDataRejected.run(input, fakeTools())).toEqual(failures);
  });
});
