import {
  answeredOtherwise,
  itemsOf,
  numberAt,
  show,
  succeeded,
  valuesAt,
} from '../../../../src/contract/checks/answer';
import { NO_ANSWER, makeResponse } from '../helpers';

describe('reading answers', () => {
  it.each<[number, boolean, boolean]>([
    [200, true, false],
    [204, true, false],
    [299, true, false],
    [304, false, true],
    [404, false, true],
    [499, false, true],
    [500, false, false],
    [503, false, false],
  ])('%i: succeeded %s, answered otherwise %s', (status, ok, otherwise) => {
    const response = makeResponse({ status });
    expect([succeeded(response), answeredOtherwise(response)]).toEqual([ok, otherwise]);
  });

  it('neither succeeded nor answered otherwise without an answer', () => {
    expect([succeeded(NO_ANSWER), answeredOtherwise(NO_ANSWER)]).toEqual([false, false]);
  });

  it('finds the items of a list where the contract puts them, and only a list', () => {
    const response = makeResponse({ body: { data: { items: [{ id: 1 }] }, other: 'x' } });
    expect(itemsOf(response, ['data', 'items'])).toEqual([{ id: 1 }]);
    expect(itemsOf(makeResponse({ body: [{ id: 2 }] }), [])).toEqual([{ id: 2 }]);
    expect(itemsOf(response, ['other'])).toBeUndefined();
    expect(itemsOf(response, ['missing', 'items'])).toBeUndefined();
  });

  it.each<[string, unknown, number | undefined]>([
    ['a number', 7, 7],
    ['zero', 0, 0],
    ['numeric text', ' 12 ', 12],
    ['decimal text', '2.5', 2.5],
    ['blank text', ' ', undefined],
    ['other text', 'seven', undefined],
    ['a boolean', true, undefined],
    ['null', null, undefined],
    ['not finite', Infinity, undefined],
  ])('reads %s as a number', (_, value, number) => {
    expect(numberAt(makeResponse({ body: { meta: { total: value } } }), ['meta', 'total'])).toBe(number);
  });

  it('reads no number without a place to read it', () => {
    expect(numberAt(makeResponse({ body: { total: 3 } }), undefined)).toBeUndefined();
    expect(numberAt(makeResponse({ body: { total: 3 } }), ['count'])).toBeUndefined();
  });

  it.each<[string, unknown, string[], unknown[]]>([
    ['one value', { total: 3 }, ['total'], [3]],
    ['a nested value', { a: { b: null } }, ['a', 'b'], [null]],
    ['nothing where nothing is', { a: {} }, ['a', 'b'], []],
    ['every item of a list', { counts: [{ n: 1 }, { n: 2 }, { m: 3 }] }, ['counts[]', 'n'], [1, 2]],
    ['the items themselves', { ids: [1, 2] }, ['ids[]'], [1, 2]],
    [
      'lists in lists',
      { a: [{ b: [{ n: 1 }, { n: 2 }] }, { b: [{ n: 3 }] }] },
      ['a[]', 'b[]', 'n'],
      [1, 2, 3],
    ],
    ['an empty list', { counts: [] }, ['counts[]', 'n'], []],
    ['no list where one is expected', { counts: { n: 1 } }, ['counts[]', 'n'], []],
    ['through a value that is no object', { a: 'text' }, ['a', 'length'], []],
  ])('finds %s at an answer path', (_, body, path, values) => {
    expect(valuesAt(body, path)).toEqual(values);
  });

  it('shows a value as JSON, whole, and says when it is missing', () => {
    expect(show('open')).toBe('"open"');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show(undefined)).toBe('missing');
    expect(show(null)).toBe('null');
    expect(show('x'.repeat(200))).toBe(`"${'x'.repeat(200)}"`);
  });
});
