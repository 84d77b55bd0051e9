import type { Finding, OperationTally, Summary } from '../contract';

const escape = (text: string) =>
  text
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
    )
    .split('')
    // XML 1.0 cannot carry control characters other than tab, newline and carriage return.
    .filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r')
    .join('');

/**
 * JUnit XML: one testsuite per spec, one testcase per operation the run met. An operation fails with one
 * `<failure>` listing every failed finding (check, case, path, expected, actual, curl line); one skipped by
 * --read-only is `<skipped>` with the reason; known deviations do not fail and are listed in `<system-out>`.
 */
export function formatJunit(summary: Summary): string {
  const bySpec = new Map<string, OperationTally[]>();
  for (const op of summary.byOperation) bySpec.set(op.spec, [...(bySpec.get(op.spec) ?? []), op]);
  const { startedAt } = summary.run;
  const timestamp = startedAt ? ` timestamp="${escape(startedAt)}"` : '';
  const suites = [...bySpec.entries()].map(([spec, operations]) => {
    const failures = operations.filter((op) => failedFindings(op).length > 0).length;
    const skipped = operations.filter((op) => op.skipped !== undefined).length;
    const counts = `tests="${operations.length}" failures="${failures}" skipped="${skipped}" errors="0"`;
    const open = `  <testsuite name="${escape(spec)}" ${counts}${timestamp}>`;
    return `${open}\n${operations.map(testcase).join('\n')}\n  </testsuite>`;
  });
  const time = (summary.durationMs / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="secmock verify" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
}

const findingsOf = (op: OperationTally) => op.checks.flatMap((check) => check.findings);
const failedFindings = (op: OperationTally) => findingsOf(op).filter((f) => !f.known);

function testcase(op: OperationTally): string {
  const name = `${op.method} ${op.path} (${op.operationId})`;
  const open = `    <testcase classname="${escape(op.spec)}" name="${escape(name)}"`;
  if (op.skipped !== undefined) return `${open}><skipped message="${escape(op.skipped)}"/></testcase>`;
  const failed = failedFindings(op);
  const known = findingsOf(op).filter((f) => f.known);
  const body = [
    ...(failed.length > 0 ? [failure(failed)] : []),
    ...(known.length > 0 ? [`<system-out>${escape(knownText(known))}</system-out>`] : []),
  ];
  return body.length === 0 ? `${open}/>` : `${open}>${body.join('')}</testcase>`;
}

function failure(failed: Finding[]): string {
  const [first] = failed;
  const count = `${failed.length} failure${failed.length === 1 ? '' : 's'}`;
  const message = `${count}; first: [${first.check}] ${first.failure.path}: expected ${first.failure.expected}, got ${first.failure.actual}`;
  const types = [...new Set(failed.map((f) => f.check))].join(',');
  const text = failed.map(describe).join('\n\n');
  return `<failure message="${escape(message)}" type="${escape(types)}">${escape(text)}</failure>`;
}

function knownText(known: Finding[]): string {
  const count = `${known.length} known deviation${known.length === 1 ? '' : 's'} (not failures)`;
  return [count, ...known.map((f) => `${describe(f)}\nknown: ${f.known ?? ''}`)].join('\n\n');
}

/** One finding, in full: the check, the case, where, expected vs actual, and the curl line. */
function describe(f: Finding): string {
  return `${f.title} [${f.check}] in case ${f.caseLabel}\nat ${f.failure.path}: expected ${f.failure.expected}, got ${f.failure.actual}\n${f.curl}`;
}
