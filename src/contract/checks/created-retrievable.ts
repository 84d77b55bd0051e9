import { resolvePointer } from '../../openapi';
import type { Check } from '../types';

/** What was just created (or updated) can be read back, under the same key. */
export const createdNotRetrievable: Check = {
  id: 'created_not_retrievable',
  title: 'Created resource not retrievable',
  severity: 'critical',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || response.transportError) return undefined;
    const step = expect.step;
    if (step.is === 'exists' && step.present) {
      const value = resolvePointer(response.body, step.pointer);
      return value === true
        ? []
        : [{ path: `body.${step.pointer.join('.')}`, expected: 'true', actual: JSON.stringify(value) }];
    }
    if (step.is !== 'retrievable') return undefined;
    if (response.status < 200 || response.status >= 300)
      return [
        { path: 'status', expected: `2xx reading ${String(step.key)}`, actual: String(response.status) },
      ];
    if (!step.keyPointer) return [];
    const actual = resolvePointer(response.body, step.keyPointer);
    // A read may leave its own key out (ManageEngine's documented example does): the 2xx is the answer.
    if (actual === undefined) return [];
    return String(actual) === String(step.key)
      ? []
      : [
          {
            path: `body.${step.keyPointer.join('.')}`,
            expected: JSON.stringify(step.key),
            actual: JSON.stringify(actual),
          },
        ];
  },
};
