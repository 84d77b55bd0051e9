import { instantOf } from '../../openapi';
import type { Check, Failure } from '../types';
import { itemsOf, show, succeeded } from './answer';

/** A list asked for a time window answers only items whose time lies in it. */
export const timeWindowHonoured: Check = {
  id: 'time_window_honoured',
  title: 'Time window not honoured',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'window' || !succeeded(response)) return undefined;
    const { list, field, from, to, clock } = expect.probe;
    const items = itemsOf(response, list.itemsPointer);
    if (!items) return undefined;
    const window = `${new Date(from).toISOString()} .. ${new Date(to).toISOString()}`;
    const failures: Failure[] = [];
    items.forEach((item, index) => {
      const at = instantOf(item?.[field], clock);
      if (at === undefined || (at >= from && at <= to)) return;
      failures.push({
        path: `body.${list.itemsPointer.join('.')}[${index}].${field}`,
        expected: `a time within ${window}`,
        actual: show(item[field]),
      });
    });
    return failures.slice(0, 5);
  },
};
