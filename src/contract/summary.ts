import { CHECKS } from './checks';
import { foldCoverage } from './coverage';
import { maskSecrets, toCurl } from './curl';
import { TOOL_VERSION } from './version';
import type { CheckResult, Finding, OperationTally, RunEvent, RunInfo, Summary, TestCase } from './types';

/**
 * Folds a run's events, once, into its summary: the run's metadata, totals, a row per spec, a tally per
 * operation and check, every finding with its curl reproduction (credentials masked), and the API coverage.
 * Reporters only format this.
 */
export function summarise(events: readonly RunEvent[], durationMs: number): Summary {
  const start = events.find((e): e is StartEvent => e.type === 'start');
  const run = runInfo(start, durationMs);
  const planned = start?.operations ?? [];
  const fold = new Fold(run.baseUrl);
  for (const event of events) {
    if (event.type === 'case') fold.addCase(event.testCase, event.results);
    else if (event.type === 'skipped') {
      // A skipped event names only the operation: its method and path come from the run's plan.
      const plan = planned.find((p) => p.spec === event.spec && p.operationId === event.operationId);
      fold.operation(event.spec, event.operationId, plan?.method ?? '', plan?.path ?? '').skipped =
        event.reason;
    }
  }
  return { ...fold.summary(durationMs), run, coverage: foldCoverage(events), cleanup: foldCleanup(events) };
}

function foldCleanup(events: readonly RunEvent[]): Summary['cleanup'] {
  const cleanup: Summary['cleanup'] = { deleted: 0, left: [] };
  for (const event of events) {
    if (event.type !== 'cleanup') continue;
    if (event.outcome === 'deleted') cleanup.deleted++;
    else {
      const { spec, resource, key, outcome, detail } = event;
      cleanup.left.push({ spec, resource, key, outcome, ...(detail ? { detail } : {}) });
    }
  }
  return cleanup;
}

type StartEvent = Extract<RunEvent, { type: 'start' }>;

/** The run's metadata from its start event; a fold without one (a test's) gets what verify() defaults to. */
function runInfo(start: StartEvent | undefined, durationMs: number): RunInfo {
  if (!start)
    return { startedAt: '', version: TOOL_VERSION, baseUrl: '', seed: 1, durationMs, readOnly: false };
  const { startedAt, version, baseUrl, seed, readOnly } = start;
  return { startedAt, version, baseUrl, seed, durationMs, readOnly };
}

class Fold {
  private readonly operations = new Map<string, OperationTally>();
  private readonly specs = new Map<
    string,
    { operations: Set<string>; cases: number; failed: number; known: number }
  >();
  private readonly checks = { passed: 0, failed: 0, known: 0 };
  private readonly findings: Finding[] = [];
  private failedCases = 0;

  constructor(private readonly baseUrl: string) {}

  operation(spec: string, operationId: string, method: string, path: string): OperationTally {
    const key = `${spec}/${operationId}`;
    let tally = this.operations.get(key);
    if (!tally) {
      const checks = CHECKS.map((c) => ({
        check: c.id,
        title: c.title,
        passed: 0,
        failed: 0,
        known: 0,
        findings: [],
      }));
      tally = { spec, operationId, method, path, cases: 0, checks };
      this.operations.set(key, tally);
    }
    return tally;
  }

  addCase(testCase: TestCase, results: CheckResult[]): void {
    const { spec, operation } = testCase;
    const tally = this.operation(
      spec.id,
      operation.operationId,
      operation.method.toUpperCase(),
      operation.path,
    );
    const perSpec = this.specs.get(spec.id) ?? {
      operations: new Set<string>(),
      cases: 0,
      failed: 0,
      known: 0,
    };
    this.specs.set(spec.id, perSpec);
    perSpec.operations.add(operation.operationId);
    perSpec.cases++;
    tally.cases++;
    let caseFailed = false;
    for (const result of results) {
      if (result.outcome === 'skipped') continue;
      this.checks[result.outcome]++;
      const checkTally = tally.checks.find((c) => c.check === result.check);
      if (checkTally) checkTally[result.outcome]++;
      if (result.outcome === 'passed') continue;
      if (result.outcome === 'failed') caseFailed = true;
      else perSpec.known++;
      const found = findingsOf(this.baseUrl, testCase, result);
      this.findings.push(...found);
      checkTally?.findings.push(...found);
    }
    if (caseFailed) {
      perSpec.failed++;
      this.failedCases++;
    }
  }

  summary(durationMs: number): Omit<Summary, 'run' | 'coverage' | 'cleanup'> {
    const specs = [...this.specs.entries()].map(([id, e]) => ({
      id,
      operations: e.operations.size,
      cases: e.cases,
      failed: e.failed,
      known: e.known,
    }));
    return {
      baseUrl: this.baseUrl,
      specs,
      operations: specs.reduce((n, s) => n + s.operations, 0),
      cases: specs.reduce((n, s) => n + s.cases, 0),
      checks: this.checks,
      failedCases: this.failedCases,
      durationMs,
      ok: this.checks.failed === 0,
      byOperation: [...this.operations.values()],
      findings: this.findings,
    };
  }
}

function findingsOf(baseUrl: string, testCase: TestCase, result: CheckResult): Finding[] {
  const check = CHECKS.find((c) => c.id === result.check);
  return result.failures.map((failure) => ({
    spec: testCase.spec.id,
    operationId: testCase.operation.operationId,
    method: testCase.operation.method.toUpperCase(),
    path: testCase.operation.path,
    check: result.check,
    title: check?.title ?? result.check,
    severity: check?.severity ?? 'major',
    caseLabel: testCase.label,
    // An implementation may echo a credential back: reports never carry one in clear. Masked before it is
    // shortened, or the start of a long secret would survive the cut.
    failure: {
      path: failure.path,
      expected: shorten(maskSecrets(failure.expected, testCase.secrets)),
      actual: shorten(maskSecrets(failure.actual, testCase.secrets)),
    },
    curl: toCurl(baseUrl, testCase.request, testCase.secrets),
    known: result.reason,
  }));
}

/** Longest quoted text in a finding: enough to see what came back, short enough for a console line. */
const MAX_QUOTED = 120;

function shorten(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 3)}...` : text;
}
