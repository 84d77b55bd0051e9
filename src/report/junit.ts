import type { Summary } from '../contract';

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

/** JUnit XML: one testsuite per spec, one testcase per operation x check. */
export function formatJunit(summary: Summary): string {
  const bySpec = new Map<string, typeof summary.byOperation>();
  for (const op of summary.byOperation) bySpec.set(op.spec, [...(bySpec.get(op.spec) ?? []), op]);
  const suites = [...bySpec.entries()].map(([spec, operations]) => {
    const cases = operations.flatMap((op) =>
      op.checks.map((check) => {
        const name = `${check.title} [${check.check}]`;
        const open = `    <testcase classname="${escape(`${spec}.${op.operationId}`)}" name="${escape(name)}"`;
        if (op.skipped) return `${open}><skipped message="${escape(op.skipped)}"/></testcase>`;
        const failed = check.findings.filter((f) => !f.known);
        if (failed.length > 0) {
          const details = failed
            .map(
              (f) =>
                `${f.caseLabel}: ${f.failure.path}: expected ${f.failure.expected}, got ${f.failure.actual}\n${f.curl}`,
            )
            .join('\n\n');
          return `${open}><failure message="${escape(`${failed.length} failure(s): ${failed[0].failure.path}: expected ${failed[0].failure.expected}, got ${failed[0].failure.actual}`)}" type="${check.check}">${escape(details)}</failure></testcase>`;
        }
        if (check.passed + check.known === 0)
          return `${open}><skipped message="not applicable to the cases of this operation"/></testcase>`;
        return `${open}/>`;
      }),
    );
    const failures = cases.filter((c) => c.includes('<failure')).length;
    const skipped = cases.filter((c) => c.includes('<skipped')).length;
    return `  <testsuite name="${escape(spec)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const time = (summary.durationMs / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="secmock verify" time="${time}">\n${suites.join('\n')}\n</testsuites>\n`;
}
