import { formatConsole } from '../../src/report/console';
import type { VerifyResult } from '../../src/contract/verify';

/** The verifier's own console report: a failing assertion shows exactly what was found. */
export function explain(result: VerifyResult): string {
  return formatConsole(result.summary).join('\n');
}

/** Check ids that failed (not known) in a run. */
export function failedChecks(result: VerifyResult): string[] {
  return [...new Set(result.findings.filter((f) => !f.known).map((f) => f.check))].sort();
}
