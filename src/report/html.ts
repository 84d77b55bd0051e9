import type { Summary } from '../contract';
import { coverageSection } from './html-coverage';
import { esc } from './html-escape';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d5dd;padding:.3rem .6rem;text-align:left}
dl.run{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem;margin:1rem 0}dt{font-weight:600}dd{margin:0}
.pass{color:#137333}.fail{color:#b3261e}.known{color:#8a5a00}details{margin:.4rem 0 .8rem}
code,pre{font:12px ui-monospace,monospace;background:#f4f5f7;padding:.1rem .3rem;white-space:pre-wrap;word-break:break-all}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A self-contained page (no external assets): the verdict and the run's metadata, the totals per spec, the
 * API coverage, every operation with findings, then the operations that passed and those not verified.
 */
export function formatHtml(summary: Summary): string {
  const verdict = summary.ok ? 'PASS' : 'FAIL';
  const sections = [
    `<h1>secmock verify: <span class="${summary.ok ? 'pass' : 'fail'}">${verdict}</span></h1>`,
    runHeader(summary),
    `<p>${summary.operations} operations, ${summary.cases} cases (${summary.failedCases} failed), checks ${summary.checks.passed} passed / ${summary.checks.failed} failed / ${summary.checks.known} known.</p>`,
    specTable(summary),
    coverageSection(summary.coverage),
    '<h2>Findings</h2>',
    findingsSection(summary),
    passedSection(summary),
    skippedSection(summary),
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>secmock verify report</title><style>${STYLE}</style></head><body>
${sections.filter((section) => section !== '').join('\n')}
</body></html>
`;
}

function runHeader(summary: Summary): string {
  const { run } = summary;
  const rows: Array<[string, string]> = [
    ['Run date', run.startedAt ? esc(run.startedAt) : 'unknown'],
    ['secmock', esc(run.version)],
    ['Target', `<code>${esc(run.baseUrl)}</code>`],
    ['Seed', String(run.seed)],
    ['Duration', seconds(run.durationMs)],
    ['Mode', run.readOnly ? 'read-only (mutating operations skipped)' : 'read-write'],
    ['Cleanup', esc(cleanupText(summary.cleanup))],
  ];
  return `<dl class="run">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function cleanupText({ deleted, left }: Summary['cleanup']): string {
  const kept = left.map((e) => `${e.resource} ${e.key} (${e.detail ?? e.outcome})`);
  const entities = `entit${deleted === 1 ? 'y' : 'ies'}`;
  return `deleted ${deleted} created ${entities}${kept.length ? `; left ${kept.join(', ')}` : ''}`;
}

function specTable(summary: Summary): string {
  const rows = summary.specs
    .map(
      (spec) =>
        `<tr><td>${esc(spec.id)}</td><td>${spec.operations}</td><td>${spec.cases}</td><td class="${spec.failed ? 'fail' : 'pass'}">${spec.failed}</td><td>${spec.known}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>spec</th><th>operations</th><th>cases</th><th>failed cases</th><th>known</th></tr>${rows}</table>`;
}

function findingsSection(summary: Summary): string {
  const operations = summary.byOperation
    .filter((op) => op.checks.some((c) => c.findings.length > 0))
    .map((op) => {
      const items = op.checks
        .flatMap((c) => c.findings)
        .map(
          (f) =>
            `<li class="${f.known ? 'known' : 'fail'}"><b>${esc(f.title)}</b> <code>${esc(f.failure.path)}</code> — expected ${esc(f.failure.expected)}, got ${esc(f.failure.actual)} <i>(${esc(f.caseLabel)})</i>${f.known ? ` — known: ${esc(f.known)}` : ''}<pre>${esc(f.curl)}</pre></li>`,
        )
        .join('');
      return `<details open><summary><b>${esc(op.method)} ${esc(op.path)}</b> ${esc(op.spec)}/${esc(op.operationId)}</summary><ul>${items}</ul></details>`;
    })
    .join('\n');
  return operations || '<p class="pass">No findings.</p>';
}

/** Operations verified without a failure; those with only known deviations say how many. */
function passedSection(summary: Summary): string {
  const passed = summary.byOperation.filter(
    (op) => op.skipped === undefined && op.checks.every((c) => c.failed === 0),
  );
  const rows = passed.map((op) => {
    const known = op.checks.reduce((n, c) => n + c.known, 0);
    const note = known > 0 ? ` <span class="known">(${known} known)</span>` : '';
    return `<tr><td class="pass">${esc(op.method)} ${esc(op.path)}</td><td>${esc(op.spec)}/${esc(op.operationId)}</td><td>${op.cases}${note}</td></tr>`;
  });
  const table = `<table><tr><th>operation</th><th>id</th><th>cases</th></tr>${rows.join('')}</table>`;
  return `<h2>Passed (${passed.length})</h2>\n${passed.length > 0 ? table : '<p>None.</p>'}`;
}

function skippedSection(summary: Summary): string {
  const skipped = summary.byOperation.filter((op) => op.skipped !== undefined);
  if (skipped.length === 0) return '';
  const items = skipped.map(
    (op) =>
      `<li>${esc(op.method)} ${esc(op.path)} ${esc(op.spec)}/${esc(op.operationId)} — ${esc(op.skipped ?? '')}</li>`,
  );
  return `<h2>Not verified (${skipped.length})</h2>\n<ul>${items.join('')}</ul>`;
}
