import { contentType } from '../../../../src/contract/checks/content-type';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse, type Verdict } from '../helpers';

const VIOLATION = "content-type 'text/plain' is not documented; expected application/json";

describe('content_type check', () => {
  it.each<[string, CaseResponse, Partial<Verdict>, Failure[] | undefined]>([
    ['no answer: does not apply', NO_ANSWER, {}, undefined],
    [
      'an undocumented status: does not apply',
      makeResponse({ status: 418 }),
      { documented: false },
      undefined,
    ],
    ['a documented content type', makeResponse(), { documented: true }, []],
    [
      'JSON served as text/plain',
      makeResponse({ headers: { 'content-type': 'text/plain' } }),
      { documented: true, contentType: VIOLATION },
      [{ path: 'header.content-type', expected: VIOLATION, actual: 'text/plain' }],
    ],
    [
      'no content type at all',
      makeResponse({ headers: {} }),
      { documented: true, contentType: 'a documented content type' },
      [{ path: 'header.content-type', expected: 'a documented content type', actual: 'none' }],
    ],
  ])('%s', (_, answer, verdict, failures) => {
    expect(contentType.run(checkInput(ACCEPT_STRICT, answer), fakeTools(verdict))).toEqual(failures);
  });
});
