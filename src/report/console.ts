import type { CheckTally, OperationTally, Summary } from '../contract';
import { formatCoverage } from './coverage';
import { formatTable } from './table';

const PER_CHECK = 5;

/**
 * Failures grouped by operation (check, JSON path, expected vs actual, a curl line), then the summary and
 * the verdict, then the API coverage: a line per spec and a total.
 */
export function formatConsole(summary: Summary): string[] {
  return [
    ...summary.byOperation.flatMap(operationLines),
    ...summaryLines(summary),
    ...coverageLines(summary),
  ];
}

function operationLines(op: OperationTally): string[] {
  const failing = op.checks.filter((c) => c.findings.length > 0);
  if (failing.length === 0) return [];
  const failed = failing.some((c) => c.failed > 0);
  const head = `${failed ? '✗' : '~'} ${op.spec}  ${op.method} ${op.path}  (${op.operationId})`;
  return ['', head, ...failing.flatMap(checkLines)];
}

function checkLines(check: CheckTally): string[] {
  const lines = check.findings
    .slice(0, PER_CHECK)
    .flatMap((finding) => [
      `  ${finding.known ? '~ known:' : '✗'} ${check.title} [${check.check}] at ${finding.failure.path}`,
      `      case:     ${finding.caseLabel}`,
      `      expected: ${finding.failure.expected}`,
      `      actual:   ${finding.failure.actual}`,
      ...(finding.known ? [`      known:    ${finding.known}`] : []),
      `      repro:    ${finding.curl}`,
    ]);
  if (check.findings.length > PER_CHECK)
    lines.push(`  ... and ${check.findings.length - PER_CHECK} more [${check.check}]`);
  return lines;
}

function summaryLines(summary: Summary): string[] {
  const { checks } = summary;
  const rows = summary.specs.map((spec) => [
    spec.id,
    String(spec.operations),
    String(spec.cases),
    String(spec.failed),
    String(spec.known),
  ]);
  return [
    '',
    `Summary (${summary.baseUrl})`,
    ...formatTable(['spec', 'operations', 'cases', 'failed', 'known'], rows),
    '',
    `operations ${summary.operations}, cases ${summary.cases} (${summary.failedCases} failed), checks ${checks.passed} passed, ${checks.failed} failed, ${checks.known} known, ${(summary.durationMs / 1000).toFixed(1)} s`,
    ...cleanupLines(summary.cleanup),
    summary.ok
      ? 'PASS: the implementation conforms to the contracts'
      : 'FAIL: the implementation departs from the contracts',
  ];
}

/** What the run created and left behind, a line per resource and reason: a shared environment's owner asks. */
export function cleanupLines({ deleted, left }: Summary['cleanup']): string[] {
  if (deleted === 0 && left.length === 0) return [];
  const groups = new Map<string, string[]>();
  for (const entity of left) {
    const head = `${entity.spec} ${entity.resource} (${entity.detail ?? entity.outcome})`;
    groups.set(head, [...(groups.get(head) ?? []), entity.key]);
  }
  return [
    `cleanup: deleted ${deleted} entit${deleted === 1 ? 'y' : 'ies'} the run created, left ${left.length}`,
    ...[...groups].map(
      ([head, keys]) =>
        `  left ${keys.length} ${head}: ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ', ...' : ''}`,
    ),
  ];
}

function coverageLines({ coverage }: Summary): string[] {
  return [
    '',
    ...coverage.specs.map((spec) => `coverage ${spec.id}: ${formatCoverage(spec)}`),
    `coverage total: ${formatCoverage(coverage.total)}`,
  ];
}
