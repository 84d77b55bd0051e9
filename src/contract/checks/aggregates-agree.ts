import type { Check } from '../types';
import { succeeded, valuesAt } from './answer';

/**
 * Counts the contract declares to describe the same data agree across operations (root
 * `x-secmock.aggregates`): the events per severity add up to the events analysed.
 */
export const aggregatesAgree: Check = {
  id: 'aggregates_agree',
  title: 'Aggregates disagree',
  severity: 'major',
  run({ testCase, response, history }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'aggregate') return undefined;
    const totalAnswer = history[history.length - 1];
    if (!succeeded(response) || !totalAnswer || !succeeded(totalAnswer)) return undefined;
    const { name, totalOperation, totalAt, partAt } = expect.probe;
    const totals = valuesAt(totalAnswer.body, totalAt);
    // No total where the contract puts it: the response schema's finding, nothing to compare with.
    const total = totals.length === 0 ? undefined : sum(totals);
    const part = sum(valuesAt(response.body, partAt));
    if (total === undefined || part === undefined) return undefined;
    if (total === part) return [];
    return [
      {
        path: `body.${partAt.join('.')}`,
        expected: `a sum of ${total} (${totalOperation} ${totalAt.join('.')}: ${name})`,
        actual: `a sum of ${part}`,
      },
    ];
  },
};

/** The sum of the numbers found (none: 0, an empty breakdown); undefined when one is not a number. */
function sum(values: unknown[]): number | undefined {
  const numbers = values.map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v));
  if (numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n))) return undefined;
  return (numbers as number[]).reduce((a, b) => a + b, 0);
}
