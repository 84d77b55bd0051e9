import { compareForSort, itemsPointer } from '../../openapi';
import { hasValue, sentValue } from '../sent-request';
import type { Check } from '../types';
import { itemsOf, show, succeeded } from './answer';

/**
 * Every answer of a list whose contract declares its order (`x-secmock.sort`) comes in that order, unless
 * the request asked for its own (a value at one of the sort's `unless` places).
 */
export const sortHonoured: Check = {
  id: 'sort_honoured',
  title: 'Sort order not honoured',
  severity: 'major',
  run({ testCase, response }) {
    const { operation, request } = testCase;
    const sort = operation.mock.sort;
    const pointer = itemsPointer(operation);
    if (!sort || !pointer || !succeeded(response)) return undefined;
    if ((sort.unless ?? []).some((place) => hasValue(sentValue(request, operation.path, place))))
      return undefined;
    const items = itemsOf(response, pointer);
    if (!items) return undefined;
    const direction = sort.order === 'desc' ? -1 : 1;
    // Items without the field have no place in the order; the rest are compared in turn.
    const sorted = items
      .map((item, index) => ({ value: item?.[sort.by], index }))
      .filter(({ value }) => value !== undefined && value !== null);
    const at = sorted.findIndex(
      ({ value }, i) => i > 0 && direction * compareForSort(sorted[i - 1].value, value) > 0,
    );
    if (at < 0) return [];
    return [
      {
        path: `body.${pointer.join('.')}`,
        expected: `items by ${sort.by} ${sort.order === 'desc' ? 'descending' : 'ascending'}`,
        actual: `${show(sorted[at - 1].value)} before ${show(sorted[at].value)} (item ${sorted[at].index})`,
      },
    ];
  },
};
