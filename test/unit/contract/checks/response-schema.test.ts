import { responseSchema } from '../../../../src/contract/checks/response-schema';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse, type Verdict } from '../helpers';

const long = 'x'.repeat(100);

describe('response_schema check', () => {
  it.each<[string, CaseResponse, Partial<Verdict>, Failure[] | undefined]>([
    ['no answer: does not apply', NO_ANSWER, {}, undefined],
    [
      'an undocumented status: does not apply',
      makeResponse({ status: 418 }),
      { documented: false },
      undefined,
    ],
    [
      'a wrong content type: does not apply (content_type reports it)',
      makeResponse(),
      {
        documented: true,
        contentType: 'not documented',
        schema: [{ path: 'body', message: 'must be object' }],
      },
      undefined,
    ],
    ['a body that matches', makeResponse(), { documented: true, schema: [] }, []],
    [
      'an enum violation deep in an array',
      makeResponse({ body: { data: [{ status: 'ok' }, { status: 'three' }] } }),
      { schema: [{ path: 'body.data[1].status', message: 'must be one of "open", "closed"' }] },
      [
        {
          path: 'body.data[1].status',
          expected: 'value that must be one of "open", "closed"',
          actual: '"three"',
        },
      ],
    ],
    [
      'a missing required field',
      makeResponse({ body: { data: [] } }),
      { schema: [{ path: 'body.total', message: 'is required' }] },
      [{ path: 'body.total', expected: 'is required', actual: 'missing' }],
    ],
    [
      'a path through a null',
      makeResponse({ body: { owner: null } }),
      { schema: [{ path: 'body.owner.name', message: 'is required' }] },
      [{ path: 'body.owner.name', expected: 'is required', actual: 'missing' }],
    ],
    [
      'a wrong root',
      makeResponse({ body: [1, 2] }),
      { schema: [{ path: 'body', message: 'must be object' }] },
      [{ path: 'body', expected: 'value that must be object', actual: '[1,2]' }],
    ],
    [
      'an item of a root array',
      makeResponse({ body: [{ id: 1 }, 'two'] }),
      { schema: [{ path: 'body[1]', message: 'must be object' }] },
      [{ path: 'body[1]', expected: 'value that must be object', actual: '"two"' }],
    ],
    [
      'a long value, quoted whole (the summary shortens it once masked)',
      makeResponse({ body: { name: long } }),
      { schema: [{ path: 'body.name', message: 'must NOT have more than 10 characters' }] },
      [
        {
          path: 'body.name',
          expected: 'value that must NOT have more than 10 characters',
          actual: JSON.stringify(long),
        },
      ],
    ],
  ])('%s', (_, answer, verdict, failures) => {
    expect(responseSchema.run(checkInput(ACCEPT_STRICT, answer), fakeTools(verdict))).toEqual(failures);
  });
});
