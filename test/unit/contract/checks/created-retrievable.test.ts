import { createdNotRetrievable } from '../../../../src/contract/checks/created-retrievable';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const READ = chainStep({ is: 'retrievable', key: 'inc-1' });
const READ_AT = chainStep({ is: 'retrievable', key: 'inc-1', keyPointer: ['data', 'id'] });
const READ_NUMBER = chainStep({ is: 'retrievable', key: 42, keyPointer: ['id'] });
const EXISTS = chainStep({ is: 'exists', key: 'inc-1', present: true, pointer: ['present'] });

describe('created_not_retrievable check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, makeResponse({ status: 404 }), undefined],
    [
      'the create link: does not apply',
      chainStep({ is: 'create' }),
      makeResponse({ status: 404 }),
      undefined,
    ],
    [
      'a read after delete: does not apply',
      chainStep({ is: 'gone', key: 'inc-1', statuses: [404] }),
      makeResponse({ status: 200 }),
      undefined,
    ],
    [
      'an exists after delete: does not apply',
      chainStep({ is: 'exists', key: 'inc-1', present: false, pointer: ['present'] }),
      makeResponse({ body: { present: true } }),
      undefined,
    ],
    [
      'a list link: does not apply',
      chainStep({ is: 'listed', key: 'inc-1', present: true, itemsPointer: [], keyField: 'id' }),
      makeResponse({ status: 404 }),
      undefined,
    ],
    ['no answer: does not apply', READ, NO_ANSWER, undefined],
    ['read back with 200', READ, makeResponse({ status: 200 }), []],
    [
      'read back with 404',
      READ,
      makeResponse({ status: 404 }),
      [{ path: 'status', expected: '2xx reading inc-1', actual: '404' }],
    ],
    [
      'read back with 500',
      READ_AT,
      makeResponse({ status: 500 }),
      [{ path: 'status', expected: '2xx reading inc-1', actual: '500' }],
    ],
    ['the same key in the answer', READ_AT, makeResponse({ body: { data: { id: 'inc-1' } } }), []],
    ['a number key answered as text', READ_NUMBER, makeResponse({ body: { id: '42' } }), []],
    [
      'another key in the answer',
      READ_AT,
      makeResponse({ body: { data: { id: 'inc-2' } } }),
      [{ path: 'body.data.id', expected: '"inc-1"', actual: '"inc-2"' }],
    ],
    [
      'another number key',
      READ_NUMBER,
      makeResponse({ body: { id: 43 } }),
      [{ path: 'body.id', expected: '42', actual: '43' }],
    ],
    ['exists answers true', EXISTS, makeResponse({ body: { present: true } }), []],
    [
      'exists answers false',
      EXISTS,
      makeResponse({ body: { present: false } }),
      [{ path: 'body.present', expected: 'true', actual: 'false' }],
    ],
    [
      'exists answers a truthy non-boolean',
      EXISTS,
      makeResponse({ body: { present: 'yes' } }),
      [{ path: 'body.present', expected: 'true', actual: '"yes"' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(createdNotRetrievable.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
