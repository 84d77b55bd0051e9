import { resolvePointer } from '../../openapi';
import type { Check } from '../types';

/** What was deleted is gone: a read answers the documented not-found refusal. */
export const deletedStillRetrievable: Check = {
  id: 'deleted_still_retrievable',
  title: 'Deleted resource still retrievable',
  severity: 'critical',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || response.transportError) return undefined;
    const step = expect.step;
    if (step.is === 'exists' && !step.present) {
      const value = resolvePointer(response.body, step.pointer);
      return value === false
        ? []
        : [{ path: `body.${step.pointer.join('.')}`, expected: 'false', actual: JSON.stringify(value) }];
    }
    if (step.is !== 'gone') return undefined;
    if (step.statuses.includes(response.status)) return [];
    return [
      {
        path: 'status',
        expected: `${step.statuses.join(' or ')} reading deleted ${String(step.key)}`,
        actual: String(response.status),
      },
    ];
  },
};
