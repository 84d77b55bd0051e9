import { CHECKS } from '../checks';
import { findKnown, type KnownDeviation } from '../known-deviations';
import type { Check, CheckInput, CheckResult, CheckTools, Failure } from '../types';

/**
 * Every check of the catalogue on one answer: passed, failed, skipped (does not apply to this case), or
 * known (failed, but listed in the known-deviations file with a reason). A check that throws is a finding
 * of its own, never the end of the run: the report is still written, with that check's failure in it.
 */
export function judge(
  input: CheckInput,
  tools: CheckTools,
  knownDeviations: readonly KnownDeviation[],
): CheckResult[] {
  return CHECKS.map((check): CheckResult => {
    const failures = runCheck(check, input, tools);
    if (failures === undefined) return { check: check.id, outcome: 'skipped', failures: [] };
    if (failures.length === 0) return { check: check.id, outcome: 'passed', failures };
    const { spec, operation } = input.testCase;
    const reason = findKnown(knownDeviations, spec.id, operation.operationId, check.id);
    return { check: check.id, outcome: reason ? 'known' : 'failed', failures, reason };
  });
}

function runCheck(check: Check, input: CheckInput, tools: CheckTools): Failure[] | undefined {
  try {
    return check.run(input, tools)?.map(asText);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      { path: 'check', expected: `the ${check.id} check to complete`, actual: `it failed: ${message}` },
    ];
  }
}

/** A failure's values are text in every report; a missing value says so instead of vanishing. */
function asText(failure: Failure): Failure {
  const text = (value: unknown) =>
    typeof value === 'string' ? value : value === undefined ? 'missing' : String(value);
  return { path: text(failure.path), expected: text(failure.expected), actual: text(failure.actual) };
}
