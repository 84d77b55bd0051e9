import { nearMissHint, type SpecModel } from '../openapi';
import { CHECKS } from './checks';
import type { KnownDeviation } from './known-deviations';

/** A known-deviations entry that can match nothing, with why (1-based entry number, as people count). */
export interface UnmatchedDeviation {
  entry: number;
  deviation: KnownDeviation;
  reasons: string[];
}

/**
 * Entries whose operation is no operation of the specs, or whose check is no check of the catalogue. A
 * misspelt entry would otherwise never apply, and the failure it was written for would stay a failure with
 * no word about why; `secmock verify` warns with this list and runs on.
 */
export function unmatchedDeviations(
  deviations: readonly KnownDeviation[],
  specs: readonly SpecModel[],
): UnmatchedDeviation[] {
  const plain = specs.flatMap((spec) => spec.operations.map((op) => op.operationId));
  const qualified = specs.flatMap((spec) => spec.operations.map((op) => `${spec.id}/${op.operationId}`));
  const checks = CHECKS.map((check) => check.id);
  return deviations.flatMap((deviation, i) => {
    const { operation, check } = deviation;
    const reasons: string[] = [];
    if (operation !== '*' && !plain.includes(operation) && !qualified.includes(operation)) {
      const candidates = operation.includes('/') ? qualified : plain;
      reasons.push(
        `operation '${operation}' is no operation of the specs${nearMissHint(operation, candidates)}`,
      );
    }
    if (check !== '*' && !checks.includes(check))
      reasons.push(`check '${check}' is no check${nearMissHint(check, checks, 'checks', checks.length)}`);
    return reasons.length > 0 ? [{ entry: i + 1, deviation, reasons }] : [];
  });
}
