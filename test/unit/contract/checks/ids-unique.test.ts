import { idsUnique } from '../../../../src/contract/checks/ids-unique';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const again = (distinctFrom: unknown, keyPointer = ['data', 'id']): Expectation =>
  chainStep({ is: 'create', distinctFrom, keyPointer });
const created = (id: unknown) => makeResponse({ status: 201, body: { data: { id } } });

describe('ids_unique check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, created('inc-1'), undefined],
    [
      'the first create (nothing to differ from): does not apply',
      chainStep({ is: 'create', keyPointer: ['data', 'id'] }),
      created('inc-1'),
      undefined,
    ],
    [
      'a read link: does not apply',
      chainStep({ is: 'retrievable', key: 'inc-1', keyPointer: ['data', 'id'] }),
      created('inc-1'),
      undefined,
    ],
    [
      'no key pointer: does not apply',
      chainStep({ is: 'create', distinctFrom: 'inc-1' }),
      created('inc-1'),
      undefined,
    ],
    ['no answer: does not apply', again('inc-1'), NO_ANSWER, undefined],
    [
      'a refused create: does not apply',
      again('inc-1'),
      makeResponse({ status: 409, body: { data: { id: 'inc-1' } } }),
      undefined,
    ],
    ['another key', again('inc-1'), created('inc-2'), []],
    [
      'no key in the answer (the schema’s to judge)',
      again('inc-1'),
      makeResponse({ status: 201, body: {} }),
      [],
    ],
    ['a first key of 0, then 1', again(0), created(1), []],
    [
      'the first create’s key again',
      again('inc-1'),
      created('inc-1'),
      [
        {
          path: 'body.data.id',
          expected: 'a key other than "inc-1" (the first create\'s)',
          actual: '"inc-1"',
        },
      ],
    ],
    [
      'the same number, once as text',
      again(42),
      created('42'),
      [{ path: 'body.data.id', expected: "a key other than 42 (the first create's)", actual: '"42"' }],
    ],
    [
      'a key of 0 again',
      again(0, ['id']),
      makeResponse({ body: { id: 0 } }),
      [{ path: 'body.id', expected: "a key other than 0 (the first create's)", actual: '0' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(idsUnique.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
