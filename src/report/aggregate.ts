import { CHECKS } from '../contract/checks';
import type { Finding, RunEvent, Summary } from '../contract/types';

/** Per operation and check: how many cases passed, failed or were known, with the findings. */
export interface CheckTally {
  check: string;
  title: string;
  passed: number;
  failed: number;
  known: number;
  findings: Finding[];
}

export interface OperationTally {
  spec: string;
  operationId: string;
  method: string;
  path: string;
  cases: number;
  checks: CheckTally[];
  skipped?: string;
}

export interface RunReport {
  baseUrl: string;
  summary: Summary;
  findings: Finding[];
  operations: OperationTally[];
}

/** Reporters consume only runner events; this folds them once for all of them. */
export function aggregate(events: readonly RunEvent[]): RunReport {
  const start = events.find((e) => e.type === 'start');
  const end = events.find((e) => e.type === 'end');
  if (!start || start.type !== 'start' || !end || end.type !== 'end')
    throw new Error('incomplete run: no start or end event');
  const operations = new Map<string, OperationTally>();
  const tallyOf = (spec: string, operationId: string, method: string, path: string) => {
    const key = `${spec}/${operationId}`;
    let tally = operations.get(key);
    if (!tally) {
      tally = {
        spec,
        operationId,
        method,
        path,
        cases: 0,
        checks: CHECKS.map((c) => ({
          check: c.id,
          title: c.title,
          passed: 0,
          failed: 0,
          known: 0,
          findings: [],
        })),
      };
      operations.set(key, tally);
    }
    return tally;
  };
  for (const event of events) {
    if (event.type === 'skipped') {
      tallyOf(event.spec, event.operationId, '', '').skipped = event.reason;
    } else if (event.type === 'case') {
      const op = event.testCase.operation;
      const tally = tallyOf(event.testCase.spec.id, op.operationId, op.method.toUpperCase(), op.path);
      tally.cases++;
      for (const result of event.results) {
        const check = tally.checks.find((c) => c.check === result.check);
        if (check && result.outcome !== 'skipped') check[result.outcome]++;
      }
    }
  }
  for (const finding of end.findings) {
    tallyOf(finding.spec, finding.operationId, finding.method, finding.path)
      .checks.find((c) => c.check === finding.check)
      ?.findings.push(finding);
  }
  return {
    baseUrl: start.baseUrl,
    summary: end.summary,
    findings: end.findings,
    operations: [...operations.values()],
  };
}
