import { resolvePointer } from '../../openapi';
import type { Check } from '../types';

/** A list reflects creates and deletes at once. */
export const listStale: Check = {
  id: 'list_stale',
  title: 'List does not reflect create/delete',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || expect.step.is !== 'listed' || response.transportError) return undefined;
    const step = expect.step;
    if (response.status < 200 || response.status >= 300)
      return [{ path: 'status', expected: '2xx', actual: String(response.status) }];
    const items = resolvePointer(response.body, step.itemsPointer);
    if (!Array.isArray(items))
      return [
        { path: `body.${step.itemsPointer.join('.')}`, expected: 'a list', actual: JSON.stringify(items) },
      ];
    const listed = items.some(
      (item) => String((item as Record<string, unknown>)?.[step.keyField]) === String(step.key),
    );
    if (listed === step.present) return [];
    return [
      {
        path: `body.${step.itemsPointer.join('.') || '(root)'}`,
        expected: `${String(step.key)} ${step.present ? 'listed' : 'not listed'}`,
        actual: listed ? 'listed' : 'not listed',
      },
    ];
  },
};
