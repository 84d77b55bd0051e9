import { responseHeaders } from '../../../../src/contract/checks/response-headers';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse, type Verdict } from '../helpers';

describe('response_headers check', () => {
  it.each<[string, CaseResponse, Partial<Verdict>, Failure[] | undefined]>([
    ['no answer: does not apply', NO_ANSWER, {}, undefined],
    [
      'an undocumented status: does not apply',
      makeResponse({ status: 418 }),
      { documented: false },
      undefined,
    ],
    ['every required header present', makeResponse(), { documented: true, headers: [] }, []],
    [
      'two required headers missing',
      makeResponse(),
      {
        documented: true,
        headers: [
          { path: 'header.x-request-id', message: 'is required' },
          { path: 'header.x-ratelimit-limit', message: 'is required' },
        ],
      },
      [
        { path: 'header.x-request-id', expected: 'present', actual: 'missing' },
        { path: 'header.x-ratelimit-limit', expected: 'present', actual: 'missing' },
      ],
    ],
  ])('%s', (_, answer, verdict, failures) => {
    expect(responseHeaders.run(checkInput(ACCEPT_STRICT, answer), fakeTools(verdict))).toEqual(failures);
  });
});
