import { pagingConsistent } from '../../../../src/contract/checks/paging-consistent';
import type { CaseResponse, Expectation, Failure, ListShape, Probe } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

type PageProbe = Extract<Probe, { is: 'page' }>;

const LIST: ListShape = { itemsPointer: ['data'], total: ['meta', 'total'], keyField: 'id' };
const NUMBERED: ListShape = { ...LIST, perPage: ['meta', 'limit'], pages: ['meta', 'pages'] };

const page = (init: Partial<PageProbe> = {}): Expectation => ({
  kind: 'probe',
  probe: { is: 'page', list: LIST, offset: 0, limit: 2, earlier: [], ...init },
});
/** An answer with items of the given ids and the given page numbers. */
const answer = (ids: unknown[], meta: Record<string, unknown> = { total: 5 }) =>
  makeResponse({ body: { data: ids.map((id) => ({ id, title: `t${String(id)}` })), meta } });

const run = (expectation: Expectation, response: CaseResponse, history: CaseResponse[] = []) =>
  pagingConsistent.run({ ...checkInput(expectation, response), history }, fakeTools());

describe('paging_consistent check', () => {
  describe('one page', () => {
    it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
      ['an accepted case: does not apply', ACCEPT_STRICT, answer([1]), undefined],
      [
        'another probe: does not apply',
        {
          kind: 'probe',
          probe: { is: 'filter', list: LIST, param: 'query.q', field: 'id', match: 'equals', value: 1 },
        },
        answer([1]),
        undefined,
      ],
      ['no answer: does not apply', page(), NO_ANSWER, undefined],
      ['a server error is server_error’s', page(), makeResponse({ status: 503 }), undefined],
      ['no list where the contract puts it', page(), makeResponse({ body: { data: 'none' } }), undefined],
      [
        'a refused page',
        page({ offset: 4 }),
        makeResponse({ status: 400 }),
        [{ path: 'status', expected: '2xx for the page at offset 4', actual: '400' }],
      ],
      ['a full first page', page(), answer([1, 2]), []],
      ['the short last page', page({ offset: 4 }), answer([5]), []],
      ['a page past the end, empty', page({ offset: 6 }), answer([]), []],
      ['the total as text', page(), answer([1, 2], { total: '5' }), []],
      ['no total: nothing to count against', page(), answer([1], {}), []],
      [
        'the default page size, when no limit was sent',
        page({ limit: undefined, defaultLimit: 3 }),
        answer([1, 2, 3]),
        [],
      ],
      ['no page size known: nothing to count against', page({ limit: undefined }), answer([1]), []],
      [
        'a short page before the end',
        page(),
        answer([1]),
        [{ path: 'body.data', expected: '2 items (total 5, offset 0, page size 2)', actual: '1 items' }],
      ],
      [
        'an empty last page',
        page({ offset: 4 }),
        answer([]),
        [{ path: 'body.data', expected: '1 items (total 5, offset 4, page size 2)', actual: '0 items' }],
      ],
      [
        'a short page at the default size',
        page({ limit: undefined, defaultLimit: 3 }),
        answer([1, 2]),
        [{ path: 'body.data', expected: '3 items (total 5, offset 0, page size 3)', actual: '2 items' }],
      ],
      [
        'items past the end',
        page({ offset: 6 }),
        answer([7]),
        [{ path: 'body.data', expected: '0 items (total 5, offset 6, page size 2)', actual: '1 items' }],
      ],
      // More items than the limit is limit_honoured's finding; the rest of the walk means nothing then.
      ['a page over the limit: left to limit_honoured', page(), answer([1, 2, 3]), undefined],
    ])('%s', (_, expectation, response, failures) => {
      expect(run(expectation, response)).toEqual(failures);
    });
  });

  describe('the numbers a page states', () => {
    const numbered = (init: Partial<PageProbe> = {}) => page({ list: NUMBERED, ...init });

    it.each<[string, Expectation, CaseResponse, Failure[]]>([
      [
        'pages the total over the page size',
        numbered(),
        answer([1, 2], { total: 5, limit: 2, pages: 3 }),
        [],
      ],
      ['one page for nothing', numbered(), answer([], { total: 0, limit: 2, pages: 1 }), []],
      ['pages as text', numbered(), answer([1, 2], { total: '5', limit: '2', pages: '3' }), []],
      [
        'a page size of 0 is not divided by',
        numbered(),
        answer([1, 2], { total: 5, limit: 0, pages: 9 }),
        [],
      ],
      [
        'a wrong page count',
        numbered(),
        answer([1, 2], { total: 5, limit: 2, pages: 2 }),
        [{ path: 'body.meta.pages', expected: '3 pages (5 items, 2 per page)', actual: '2' }],
      ],
      [
        'no pages for nothing',
        numbered(),
        answer([], { total: 0, limit: 2, pages: 0 }),
        [{ path: 'body.meta.pages', expected: '1 pages (0 items, 2 per page)', actual: '0' }],
      ],
    ])('%s', (_, expectation, response, failures) => {
      expect(run(expectation, response)).toEqual(failures);
    });
  });

  describe('a walk over several pages', () => {
    const second = page({ offset: 2, earlier: [{ offset: 0, limit: 2 }] });
    const third = page({
      offset: 4,
      earlier: [
        { offset: 0, limit: 2 },
        { offset: 2, limit: 2 },
      ],
    });

    it.each<[string, Expectation, CaseResponse, CaseResponse[], Failure[] | undefined]>([
      ['pages that follow on', second, answer([3, 4]), [answer([1, 2])], []],
      ['the last page after two', third, answer([5]), [answer([1, 2]), answer([3, 4])], []],
      [
        'an item of the first page again',
        second,
        answer([2, 3]),
        [answer([1, 2])],
        [
          {
            path: 'body.data',
            expected: 'no item of an earlier page (offset 2)',
            actual: '1 repeated, first 2',
          },
        ],
      ],
      [
        'the first page again',
        third,
        answer([1]),
        [answer([1, 2]), answer([3, 4])],
        [
          {
            path: 'body.data',
            expected: 'no item of an earlier page (offset 4)',
            actual: '1 repeated, first 1',
          },
        ],
      ],
      [
        'a number key repeated as text',
        second,
        answer(['1', 3]),
        [answer([1, 2])],
        [
          {
            path: 'body.data',
            expected: 'no item of an earlier page (offset 2)',
            actual: '1 repeated, first 1',
          },
        ],
      ],
      [
        'a total that changed between pages',
        second,
        answer([3, 4], { total: 6 }),
        [answer([1, 2])],
        [{ path: 'body.meta.total', expected: '5 (the total the first page stated)', actual: '6' }],
      ],
      ['a total stated only on the first page', second, answer([3, 4], {}), [answer([1, 2])], []],
      [
        'every inconsistency at once',
        second,
        answer([2], { total: 6 }),
        [answer([1, 2])],
        [
          { path: 'body.data', expected: '2 items (total 6, offset 2, page size 2)', actual: '1 items' },
          { path: 'body.meta.total', expected: '5 (the total the first page stated)', actual: '6' },
          {
            path: 'body.data',
            expected: 'no item of an earlier page (offset 2)',
            actual: '1 repeated, first 2',
          },
        ],
      ],
      // An earlier page over the limit made the walk meaningless: limit_honoured said so on that page.
      ['after a page over the limit, silent', second, answer([3]), [answer([1, 2, 3])], undefined],
      [
        'after a later page over the limit, silent',
        third,
        answer([1]),
        [answer([1, 2]), answer([3, 4, 5])],
        undefined,
      ],
    ])('%s', (_, expectation, response, history, failures) => {
      expect(run(expectation, response, history)).toEqual(failures);
    });

    it('tells items apart by their whole content when the list has no key field', () => {
      const keyless = page({
        list: { itemsPointer: ['data'] },
        offset: 2,
        earlier: [{ offset: 0, limit: 2 }],
      });
      const first = makeResponse({ body: { data: [{ name: 'a' }, { name: 'b' }] } });
      expect(
        run(keyless, makeResponse({ body: { data: [{ name: 'c' }, { name: 'a', x: 1 }] } }), [first]),
      ).toEqual([]);
      expect(run(keyless, makeResponse({ body: { data: [{ name: 'b' }] } }), [first])).toEqual([
        {
          path: 'body.data',
          expected: 'no item of an earlier page (offset 2)',
          actual: '1 repeated, first {"name":"b"}',
        },
      ]);
    });
  });
});
