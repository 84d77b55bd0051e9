import { maskSecrets, toCurl } from './curl';
import type { Finding, RunEvent, Summary } from './types';
import { CHECKS } from './checks';

/** Folds the case events into the run's summary and its list of findings (with curl reproductions). */
export function summarise(
  events: readonly RunEvent[],
  baseUrl: string,
  durationMs: number,
): { summary: Summary; findings: Finding[] } {
  const findings: Finding[] = [];
  const perSpec = new Map<
    string,
    { operations: Set<string>; cases: number; failed: number; known: number }
  >();
  const checks = { passed: 0, failed: 0, known: 0 };
  let failedCases = 0;
  for (const event of events) {
    if (event.type !== 'case') continue;
    const { testCase, results } = event;
    const entry = perSpec.get(testCase.spec.id) ?? {
      operations: new Set<string>(),
      cases: 0,
      failed: 0,
      known: 0,
    };
    perSpec.set(testCase.spec.id, entry);
    entry.operations.add(testCase.operation.operationId);
    entry.cases++;
    let caseFailed = false;
    for (const result of results) {
      if (result.outcome === 'skipped') continue;
      checks[result.outcome]++;
      if (result.outcome === 'passed') continue;
      if (result.outcome === 'failed') caseFailed = true;
      else entry.known++;
      const check = CHECKS.find((c) => c.id === result.check);
      for (const failure of result.failures) {
        findings.push({
          spec: testCase.spec.id,
          operationId: testCase.operation.operationId,
          method: testCase.operation.method.toUpperCase(),
          path: testCase.operation.path,
          check: result.check,
          title: check?.title ?? result.check,
          severity: check?.severity ?? 'major',
          caseLabel: testCase.label,
          // An implementation may echo a credential back: reports never carry one in clear.
          failure: {
            path: failure.path,
            expected: maskSecrets(failure.expected, testCase.secrets),
            actual: maskSecrets(failure.actual, testCase.secrets),
          },
          curl: toCurl(baseUrl, testCase.request, testCase.secrets),
          known: result.reason,
        });
      }
    }
    if (caseFailed) {
      entry.failed++;
      failedCases++;
    }
  }
  const specs = [...perSpec.entries()].map(([id, e]) => ({
    id,
    operations: e.operations.size,
    cases: e.cases,
    failed: e.failed,
    known: e.known,
  }));
  const summary: Summary = {
    specs,
    operations: specs.reduce((n, s) => n + s.operations, 0),
    cases: specs.reduce((n, s) => n + s.cases, 0),
    checks,
    failedCases,
    durationMs,
    ok: checks.failed === 0,
  };
  return { summary, findings };
}
