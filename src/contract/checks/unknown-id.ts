import type { Check } from '../types';
import { show } from './answer';

/**
 * A read, update or delete of an id nothing was stored under answers the documented not-found refusal,
 * never success (a stateless stub answers 200 to any id).
 */
export const unknownIdAnswered: Check = {
  id: 'unknown_id',
  title: 'Unknown id not refused',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'unknown_id') return undefined;
    if (response.transportError || response.status >= 500) return undefined;
    const { statuses, key } = expect.probe;
    if (statuses.includes(response.status)) return [];
    return [
      {
        path: 'status',
        expected: `${statuses.join(' or ')} for the unknown id ${show(key)}`,
        actual: String(response.status),
      },
    ];
  },
};
