import { secretEchoed } from '../../../../src/contract/checks/secret-echoed';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

const TOKEN = 'sk-live-4f9a8b7c6d';
const PASSWORD = 'correct-horse-battery';
const IN_CLEAR = (secret: string) => `the secret sent, in clear (${secret.slice(0, 3)}…)`;
const MASKED = 'the secret masked or left out';

const run = (response: CaseResponse, secretsSent?: string[]) =>
  secretEchoed.run({ ...checkInput(ACCEPT_STRICT, response), secretsSent }, fakeTools());

describe('secret_echoed check', () => {
  it.each<[string, CaseResponse, string[] | undefined, Failure[] | undefined]>([
    ['no secret sent: does not apply', makeResponse({ body: { token: TOKEN } }), undefined, undefined],
    ['an empty list of secrets: does not apply', makeResponse({ body: { token: TOKEN } }), [], undefined],
    ['no answer: does not apply', NO_ANSWER, [TOKEN], undefined],
    ['a refusal: does not apply', makeResponse({ status: 400, body: { echo: TOKEN } }), [TOKEN], undefined],
    ['the secret left out', makeResponse({ body: { id: 1, name: 'jira' } }), [TOKEN], []],
    ['the secret masked', makeResponse({ body: { token: '********' } }), [TOKEN], []],
    ['the secret partly masked', makeResponse({ body: { token: 'sk-l****7c6d' } }), [TOKEN], []],
    ['an empty answer', makeResponse({ status: 204, body: undefined }), [TOKEN], []],
    [
      'the secret in clear',
      makeResponse({ body: { token: TOKEN } }),
      [TOKEN],
      [{ path: 'body.token', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
    [
      'the secret deep in the answer',
      makeResponse({ body: { data: { config: { auth: { apiToken: TOKEN } } } } }),
      [TOKEN],
      [{ path: 'body.data.config.auth.apiToken', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
    [
      'the secret in a list item',
      makeResponse({ body: { items: [{ password: 'x' }, { password: PASSWORD }] } }),
      [PASSWORD],
      [{ path: 'body.items[1].password', expected: MASKED, actual: IN_CLEAR(PASSWORD) }],
    ],
    [
      'the secret inside a longer text',
      makeResponse({ body: { header: `Bearer ${TOKEN}` } }),
      [TOKEN],
      [{ path: 'body.header', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
    [
      'only its first place is reported',
      makeResponse({ body: { a: TOKEN, b: TOKEN } }),
      [TOKEN],
      [{ path: 'body.a', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
    [
      'each secret shown, once each',
      makeResponse({ body: { user: { password: PASSWORD }, token: TOKEN } }),
      [TOKEN, PASSWORD, 'never-sent-back'],
      [
        { path: 'body.token', expected: MASKED, actual: IN_CLEAR(TOKEN) },
        { path: 'body.user.password', expected: MASKED, actual: IN_CLEAR(PASSWORD) },
      ],
    ],
    [
      'a whole answer that is the secret',
      makeResponse({ body: TOKEN }),
      [TOKEN],
      [{ path: 'body', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
    [
      'the secret in an answer that is no JSON',
      makeResponse({ body: undefined, text: `token=${TOKEN}` }),
      [TOKEN],
      [{ path: 'body', expected: MASKED, actual: IN_CLEAR(TOKEN) }],
    ],
  ])('%s', (_, response, secrets, failures) => {
    expect(run(response, secrets)).toEqual(failures);
  });
});
