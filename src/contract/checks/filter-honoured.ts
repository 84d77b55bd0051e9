import { filterMatches } from '../../openapi';
import type { Check, Failure } from '../types';
import { answeredOtherwise, itemsOf, show, succeeded } from './answer';

/**
 * A list filtered on a value taken from its own data answers only items that match it (as the filter's
 * `match` declares), and not nothing: the item the value came from matches.
 */
export const filterHonoured: Check = {
  id: 'filter_honoured',
  title: 'Filter not honoured',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'filter') return undefined;
    const { list, param, field, match, value } = expect.probe;
    if (answeredOtherwise(response))
      return [
        { path: 'status', expected: `2xx for ${param}=${show(value)}`, actual: String(response.status) },
      ];
    if (!succeeded(response)) return undefined;
    const items = itemsOf(response, list.itemsPointer);
    if (!items) return undefined;
    const at = `body.${list.itemsPointer.join('.')}`;
    if (items.length === 0)
      return [{ path: at, expected: `the items whose ${field} matches ${show(value)}`, actual: 'no items' }];
    const failures: Failure[] = [];
    items.forEach((item, index) => {
      if (item === null || typeof item !== 'object' || !(field in item)) return;
      if (filterMatches(match, value, item[field])) return;
      failures.push({
        path: `${at}[${index}].${field}`,
        expected: `${match === 'equals' ? '' : `${match} `}${show(value)} (${param})`,
        actual: show(item[field]),
      });
    });
    return failures.slice(0, 5);
  },
};
