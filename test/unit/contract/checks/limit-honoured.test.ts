import { limitHonoured } from '../../../../src/contract/checks/limit-honoured';
import type { CaseResponse, Expectation, Failure, ListShape } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

const LIST: ListShape = { itemsPointer: ['result', 'items'], perPage: ['result', 'per_page'] };
const page = (limit: number | undefined, list: ListShape = LIST): Expectation => ({
  kind: 'probe',
  probe: {
    is: 'page',
    list,
    offset: 0,
    earlier: [],
    defaultLimit: 50,
    ...(limit === undefined ? {} : { limit }),
  },
});
const answer = (count: number, perPage?: unknown) =>
  makeResponse({
    body: {
      result: {
        items: Array.from({ length: count }, (_, i) => ({ id: i })),
        ...(perPage === undefined ? {} : { per_page: perPage }),
      },
    },
  });

describe('limit_honoured check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, answer(99), undefined],
    ['a page asked without a limit: does not apply', page(undefined), answer(99), undefined],
    [
      'another probe: does not apply',
      { kind: 'probe', probe: { is: 'unknown_id', key: 'x', statuses: [404] } },
      answer(99),
      undefined,
    ],
    ['no answer: does not apply', page(2), NO_ANSWER, undefined],
    ['a refused page is paging_consistent’s', page(2), makeResponse({ status: 400 }), undefined],
    ['no list where the contract puts it', page(2), makeResponse({ body: { result: {} } }), undefined],
    ['as many items as the limit', page(2), answer(2, 2), []],
    ['fewer items than the limit', page(2), answer(0), []],
    ['the page size stated as text', page(2), answer(1, '2'), []],
    [
      'no page size where the contract would put it',
      page(2, { itemsPointer: ['result', 'items'] }),
      answer(2, 9),
      [],
    ],
    [
      'more items than the limit',
      page(2),
      answer(3),
      [{ path: 'body.result.items', expected: 'at most 2 items (the limit sent)', actual: '3 items' }],
    ],
    [
      'another page size stated',
      page(2),
      answer(2, 50),
      [{ path: 'body.result.per_page', expected: '2 (the limit sent)', actual: '50' }],
    ],
    [
      'the default page size answered for the limit sent',
      page(10),
      answer(50, 50),
      [
        { path: 'body.result.items', expected: 'at most 10 items (the limit sent)', actual: '50 items' },
        { path: 'body.result.per_page', expected: '10 (the limit sent)', actual: '50' },
      ],
    ],
  ])('%s', (_, expectation, response, failures) => {
    expect(limitHonoured.run(checkInput(expectation, response), fakeTools())).toEqual(failures);
  });
});
