import { undocumentedStatus } from '../../../../src/contract/checks/undocumented-status';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import {
  ACCEPT_STRICT,
  NO_ANSWER,
  checkInput,
  fakeTools,
  makeOperation,
  makeResponse,
  response,
} from '../helpers';

const operation = makeOperation({
  operationId: 'getItem',
  responses: [response('200'), response('404'), response('4XX')],
});

describe('undocumented_status check', () => {
  it.each<[string, CaseResponse, boolean, Failure[] | undefined]>([
    ['no answer: does not apply', NO_ANSWER, false, undefined],
    ['a 5xx: does not apply (server_error reports it)', makeResponse({ status: 500 }), false, undefined],
    ['a documented 200', makeResponse({ status: 200 }), true, []],
    ['a documented 404', makeResponse({ status: 404 }), true, []],
    [
      'an undocumented 418',
      makeResponse({ status: 418 }),
      false,
      [{ path: 'status', expected: 'one of 200, 404, 4XX', actual: '418' }],
    ],
    [
      'an undocumented 302',
      makeResponse({ status: 302 }),
      false,
      [{ path: 'status', expected: 'one of 200, 404, 4XX', actual: '302' }],
    ],
  ])('%s', (_, answer, documented, failures) => {
    const tools = fakeTools({ documented });
    expect(undocumentedStatus.run(checkInput(ACCEPT_STRICT, answer, { operation }), tools)).toEqual(failures);
  });

  it('asks the response validator about the case operation and the answer', () => {
    const tools = fakeTools({ documented: true });
    const answer = makeResponse({ status: 201 });
    undocumentedStatus.run(checkInput(ACCEPT_STRICT, answer, { operation }), tools);
    expect(tools.calls).toEqual([{ operation, response: answer }]);
  });
});
