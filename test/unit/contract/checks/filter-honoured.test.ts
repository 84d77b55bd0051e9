import { filterHonoured } from '../../../../src/contract/checks/filter-honoured';
import type { CaseResponse, Expectation, Failure, Probe } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

type FilterProbe = Extract<Probe, { is: 'filter' }>;

const filter = (init: Partial<FilterProbe> = {}): Expectation => ({
  kind: 'probe',
  probe: {
    is: 'filter',
    list: { itemsPointer: ['data'], keyField: 'id' },
    param: 'query.status',
    field: 'status',
    match: 'equals',
    value: 'open',
    ...init,
  },
});
const listed = (...items: unknown[]) => makeResponse({ body: { data: items } });
const withStatus = (...statuses: unknown[]) => listed(...statuses.map((status, id) => ({ id, status })));

const IN = filter({ match: 'in', value: ['open', 'new'], param: 'query.status[]' });
const PREFIX = filter({ match: 'prefix', field: 'title', value: 'Disk', param: 'body.title' });
const TAGS = filter({ field: 'tags', value: 'prod', param: 'query.tag' });

describe('filter_honoured check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, withStatus('closed'), undefined],
    [
      'another probe: does not apply',
      { kind: 'probe', probe: { is: 'unknown_id', key: 'x', statuses: [404] } },
      withStatus('closed'),
      undefined,
    ],
    ['no answer: does not apply', filter(), NO_ANSWER, undefined],
    ['a server error is server_error’s', filter(), makeResponse({ status: 500 }), undefined],
    ['no list where the contract puts it', filter(), makeResponse({ body: { items: [] } }), undefined],
    [
      'a filter refused',
      filter(),
      makeResponse({ status: 400 }),
      [{ path: 'status', expected: '2xx for query.status="open"', actual: '400' }],
    ],
    [
      'a list filter refused',
      IN,
      makeResponse({ status: 422 }),
      [{ path: 'status', expected: '2xx for query.status[]=["open","new"]', actual: '422' }],
    ],
    [
      'nothing answered, though the value came from an item',
      filter(),
      listed(),
      [{ path: 'body.data', expected: 'the items whose status matches "open"', actual: 'no items' }],
    ],
    ['only matching items', filter(), withStatus('open', 'open'), []],
    [
      'another case and separators',
      filter({ value: 'in_progress' }),
      withStatus('In Progress', 'IN-PROGRESS', 'in progress'),
      [],
    ],
    ['a number filter answered as text', filter({ field: 'level', value: 3 }), listed({ level: '3' }), []],
    ['an item without the field is not judged', filter(), listed({ id: 1 }, { id: 2, status: 'open' }), []],
    ['an item that is not an object is not judged', filter(), listed(null, 'open', { status: 'open' }), []],
    [
      'an item that does not match',
      filter(),
      withStatus('open', 'closed'),
      [{ path: 'body.data[1].status', expected: '"open" (query.status)', actual: '"closed"' }],
    ],
    [
      'an enum spelt otherwise is still another value',
      filter({ value: 'in_progress' }),
      withStatus('In Progress', 'inprogress'),
      [{ path: 'body.data[1].status', expected: '"in_progress" (query.status)', actual: '"inprogress"' }],
    ],
    ['`in`: each item one of the values', IN, withStatus('open', 'NEW', 'open'), []],
    ['`in` with one value', filter({ match: 'in', value: 'open' }), withStatus('Open'), []],
    [
      '`in`: an item none of the values',
      IN,
      withStatus('new', 'closed'),
      [{ path: 'body.data[1].status', expected: 'in ["open","new"] (query.status[])', actual: '"closed"' }],
    ],
    ['`prefix`: items that start with it', PREFIX, listed({ title: 'Disk full' }, { title: 'Disk' }), []],
    [
      '`prefix`: an item that only contains it, or starts with it in another case',
      PREFIX,
      listed({ title: 'Full Disk' }, { title: 'disk full' }, { title: 7 }),
      [
        { path: 'body.data[0].title', expected: 'prefix "Disk" (body.title)', actual: '"Full Disk"' },
        { path: 'body.data[1].title', expected: 'prefix "Disk" (body.title)', actual: '"disk full"' },
        { path: 'body.data[2].title', expected: 'prefix "Disk" (body.title)', actual: '7' },
      ],
    ],
    [
      '`contains`: in any case',
      filter({ match: 'contains', field: 'title', value: 'disk' }),
      listed({ title: 'Full DISK' }),
      [],
    ],
    [
      '`contains`: an item without it',
      filter({ match: 'contains', field: 'title', value: 'disk', param: 'query.q' }),
      listed({ title: 'CPU' }),
      [{ path: 'body.data[0].title', expected: 'contains "disk" (query.q)', actual: '"CPU"' }],
    ],
    ['a list field holding the value', TAGS, listed({ tags: ['dev', 'Prod'] }, { tags: ['prod'] }), []],
    [
      'a list field without the value',
      TAGS,
      listed({ tags: ['prod'] }, { tags: ['dev'] }, { tags: [] }),
      [
        { path: 'body.data[1].tags', expected: '"prod" (query.tag)', actual: '["dev"]' },
        { path: 'body.data[2].tags', expected: '"prod" (query.tag)', actual: '[]' },
      ],
    ],
    [
      'at most five items reported',
      filter(),
      withStatus('closed', 'closed', 'open', 'closed', 'closed', 'closed', 'closed'),
      [0, 1, 3, 4, 5].map((i) => ({
        path: `body.data[${i}].status`,
        expected: '"open" (query.status)',
        actual: '"closed"',
      })),
    ],
  ])('%s', (_, expectation, response, failures) => {
    expect(filterHonoured.run(checkInput(expectation, response), fakeTools())).toEqual(failures);
  });
});
