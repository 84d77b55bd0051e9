import { resolvePointer } from '../../openapi';
import type { Check } from '../types';
import { show, succeeded } from './answer';

/** Two creates make two entities: the second is not answered the first one's key. */
export const idsUnique: Check = {
  id: 'ids_unique',
  title: 'Created ids not unique',
  severity: 'critical',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || expect.step.is !== 'create' || expect.step.distinctFrom === undefined)
      return undefined;
    const { keyPointer, distinctFrom } = expect.step;
    if (!keyPointer || !succeeded(response)) return undefined;
    const key = resolvePointer(response.body, keyPointer);
    if (key === undefined || String(key) !== String(distinctFrom)) return [];
    return [
      {
        path: `body.${keyPointer.join('.')}`,
        expected: `a key other than ${show(distinctFrom)} (the first create's)`,
        actual: show(key),
      },
    ];
  },
};
