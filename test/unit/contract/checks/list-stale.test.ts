import { listStale } from '../../../../src/contract/checks/list-stale';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const listed = (present: boolean, itemsPointer: string[] = ['data'], key: unknown = 'inc-1') =>
  chainStep({ is: 'listed', key, present, itemsPointer, keyField: 'id' });
const page = (...ids: unknown[]) => makeResponse({ body: { data: ids.map((id) => ({ id, title: 't' })) } });

describe('list_stale check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, page(), undefined],
    ['a read link: does not apply', chainStep({ is: 'retrievable', key: 'inc-1' }), page(), undefined],
    ['no answer: does not apply', listed(true), NO_ANSWER, undefined],
    ['listed after create', listed(true), page('inc-0', 'inc-1'), []],
    ['not listed after delete', listed(false), page('inc-0'), []],
    ['a number key listed as text', listed(true, ['data'], 7), page('7'), []],
    ['null items are skipped', listed(true), makeResponse({ body: { data: [null, { id: 'inc-1' }] } }), []],
    ['a bare array at the root', listed(true, []), makeResponse({ body: [{ id: 'inc-1' }] }), []],
    [
      'missing after create',
      listed(true),
      page('inc-0'),
      [{ path: 'body.data', expected: 'inc-1 listed', actual: 'not listed' }],
    ],
    [
      'still listed after delete',
      listed(false),
      page('inc-1'),
      [{ path: 'body.data', expected: 'inc-1 not listed', actual: 'listed' }],
    ],
    [
      'missing from a bare array',
      listed(true, []),
      makeResponse({ body: [] }),
      [{ path: 'body.(root)', expected: 'inc-1 listed', actual: 'not listed' }],
    ],
    [
      'a refused list',
      listed(true),
      makeResponse({ status: 403 }),
      [{ path: 'status', expected: '2xx', actual: '403' }],
    ],
    [
      'items that are not a list',
      listed(true, ['data', 'items']),
      makeResponse({ body: { data: { items: 'none' } } }),
      [{ path: 'body.data.items', expected: 'a list', actual: '"none"' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(listStale.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
