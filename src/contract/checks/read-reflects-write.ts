import { resolvePointer } from '../../openapi';
import type { Check, Failure } from '../types';
import { show, shows, succeeded } from './answer';

/**
 * A read after a create or an update shows every field the write carried, in the declared format: an
 * update answered 200 but never stored, a read served from a cache the update did not clear, a date cut to
 * midnight, all show here. (Whether the read succeeds at all is created_not_retrievable's to say.)
 */
export const readReflectsWrite: Check = {
  id: 'read_reflects_write',
  title: 'Read does not reflect the write',
  severity: 'critical',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'chain' || expect.step.is !== 'retrievable' || !expect.step.shows) return undefined;
    if (!succeeded(response)) return undefined;
    const { shows: shown } = expect.step;
    const entity = resolvePointer(response.body, shown.entityPointer);
    if (entity === null || typeof entity !== 'object') return undefined;
    const failures: Failure[] = [];
    for (const [field, written] of Object.entries(shown.written)) {
      const answered = (entity as Record<string, unknown>)[field];
      // A field the read leaves out is the response schema's to judge; a different value is a lost write.
      if (answered === undefined || shows(written, answered)) continue;
      failures.push({
        path: `body.${[...shown.entityPointer, field].join('.')}`,
        expected: `${show(written)} (sent by the ${shown.after})`,
        actual: show(answered),
      });
    }
    return failures;
  },
};
