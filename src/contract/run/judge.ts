import { CHECKS } from '../checks';
import { findKnown, type KnownDeviation } from '../known-deviations';
import type { CaseResponse, CheckResult, CheckTools, TestCase } from '../types';

/**
 * Every check of the catalogue on one answer: passed, failed, skipped (does not apply to this case), or
 * known (failed, but listed in the known-deviations file with a reason).
 */
export function judge(
  testCase: TestCase,
  response: CaseResponse,
  tools: CheckTools,
  options: { budgetMs?: number; knownDeviations: readonly KnownDeviation[] },
): CheckResult[] {
  return CHECKS.map((check): CheckResult => {
    const failures = check.run({ testCase, response, budgetMs: options.budgetMs }, tools);
    if (failures === undefined) return { check: check.id, outcome: 'skipped', failures: [] };
    if (failures.length === 0) return { check: check.id, outcome: 'passed', failures };
    const { spec, operation } = testCase;
    const reason = findKnown(options.knownDeviations, spec.id, operation.operationId, check.id);
    return { check: check.id, outcome: reason ? 'known' : 'failed', failures, reason };
  });
}
