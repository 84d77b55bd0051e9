import type { Summary } from '../contract';
import { formatTable } from './table';

const PER_CHECK = 5;

/** Failures grouped by operation (check, JSON path, expected vs actual, a curl line), then the summary. */
export function formatConsole(summary: Summary): string[] {
  const lines: string[] = [];
  for (const op of summary.byOperation) {
    const failing = op.checks.filter((c) => c.findings.length > 0);
    if (failing.length === 0) continue;
    const failed = failing.some((c) => c.failed > 0);
    lines.push('', `${failed ? '✗' : '~'} ${op.spec}  ${op.method} ${op.path}  (${op.operationId})`);
    for (const check of failing) {
      for (const finding of check.findings.slice(0, PER_CHECK)) {
        lines.push(
          `  ${finding.known ? '~ known:' : '✗'} ${check.title} [${check.check}] at ${finding.failure.path}`,
        );
        lines.push(`      case:     ${finding.caseLabel}`);
        lines.push(`      expected: ${finding.failure.expected}`);
        lines.push(`      actual:   ${finding.failure.actual}`);
        if (finding.known) lines.push(`      known:    ${finding.known}`);
        lines.push(`      repro:    ${finding.curl}`);
      }
      if (check.findings.length > PER_CHECK)
        lines.push(`  ... and ${check.findings.length - PER_CHECK} more [${check.check}]`);
    }
  }

  lines.push('', `Summary (${summary.baseUrl})`);
  lines.push(
    ...formatTable(
      ['spec', 'operations', 'cases', 'failed', 'known'],
      summary.specs.map((spec) => [
        spec.id,
        String(spec.operations),
        String(spec.cases),
        String(spec.failed),
        String(spec.known),
      ]),
    ),
  );
  lines.push(
    '',
    `operations ${summary.operations}, cases ${summary.cases} (${summary.failedCases} failed), checks ${summary.checks.passed} passed, ${summary.checks.failed} failed, ${summary.checks.known} known, ${(summary.durationMs / 1000).toFixed(1)} s`,
    summary.ok
      ? 'PASS: the implementation conforms to the contracts'
      : 'FAIL: the implementation departs from the contracts',
  );
  return lines;
}
