import { serverError } from '../../../../src/contract/checks/server-error';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const REFUSE: Expectation = { kind: 'refuse', because: 'invalid', statuses: [400] };

describe('server_error check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[]]>([
    ['200 on an accepted case', ACCEPT_STRICT, makeResponse({ status: 200 }), []],
    ['404 on an accepted case', ACCEPT_STRICT, makeResponse({ status: 404 }), []],
    ['499, the last non-5xx', REFUSE, makeResponse({ status: 499 }), []],
    ['400 on a refusal', REFUSE, makeResponse({ status: 400 }), []],
    [
      '500 on an accepted case',
      ACCEPT_STRICT,
      makeResponse({ status: 500 }),
      [{ path: 'status', expected: 'a non-5xx status', actual: '500' }],
    ],
    [
      '503 on a refusal case',
      REFUSE,
      makeResponse({ status: 503 }),
      [{ path: 'status', expected: 'a non-5xx status', actual: '503' }],
    ],
    [
      '502 in a chain',
      chainStep({ is: 'create' }),
      makeResponse({ status: 502 }),
      [{ path: 'status', expected: 'a non-5xx status', actual: '502' }],
    ],
    [
      'no answer at all',
      ACCEPT_STRICT,
      NO_ANSWER,
      [{ path: 'status', expected: 'an HTTP response', actual: 'no response (ECONNREFUSED)' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(serverError.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });

  it('applies to every case, whatever it expects, and never asks the response validator', () => {
    const tools = fakeTools();
    for (const expectation of [ACCEPT_STRICT, REFUSE, chainStep({ is: 'step' })])
      expect(serverError.run(checkInput(expectation, makeResponse()), tools)).toEqual([]);
    expect(tools.calls).toHaveLength(0);
  });

  it('is critical', () => {
    expect(serverError).toMatchObject({ id: 'server_error', severity: 'critical' });
  });
});
