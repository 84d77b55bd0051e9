import { resolvePointer } from '../../openapi';
import type { Check, Failure } from '../types';
import { show, shows, succeeded } from './answer';

/**
 * An update that sends some fields leaves the others as they were (the contract's updates merge): a
 * read after it shows the fields it did not send unchanged, not cleared or reset to defaults.
 */
export const partialUpdateKeepsFields: Check = {
  id: 'partial_update_keeps_fields',
  title: 'Partial update lost other fields',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || expect.step.is !== 'retrievable') return undefined;
    const kept = expect.step.shows?.kept;
    if (!kept || !succeeded(response)) return undefined;
    const at = expect.step.shows?.entityPointer ?? [];
    const entity = resolvePointer(response.body, at);
    if (entity === null || typeof entity !== 'object') return undefined;
    const failures: Failure[] = [];
    for (const [field, before] of Object.entries(kept)) {
      const after = (entity as Record<string, unknown>)[field];
      // A field the read does not answer at all is the response schema's to judge (it may be write-only).
      if (after === undefined || shows(before, after)) continue;
      failures.push({
        path: `body.${[...at, field].join('.')}`,
        expected: `${show(before)} (not sent by the update)`,
        actual: show(after),
      });
    }
    return failures;
  },
};
