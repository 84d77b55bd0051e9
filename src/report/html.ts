import type { Summary } from '../contract';

const esc = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330}h1{font-size:1.4rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #d0d5dd;padding:.3rem .6rem;text-align:left}
.pass{color:#137333}.fail{color:#b3261e}.known{color:#8a5a00}details{margin:.4rem 0 .8rem}
code,pre{font:12px ui-monospace,monospace;background:#f4f5f7;padding:.1rem .3rem;white-space:pre-wrap;word-break:break-all}`;

/** A self-contained page (no external assets): summary, then every operation with its findings. */
export function formatHtml(summary: Summary): string {
  const rows = summary.specs
    .map(
      (spec) =>
        `<tr><td>${esc(spec.id)}</td><td>${spec.operations}</td><td>${spec.cases}</td><td class="${spec.failed ? 'fail' : 'pass'}">${spec.failed}</td><td>${spec.known}</td></tr>`,
    )
    .join('');
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>secmock verify report</title><style>${STYLE}</style></head><body>
<h1>secmock verify: <span class="${summary.ok ? 'pass' : 'fail'}">${summary.ok ? 'PASS' : 'FAIL'}</span></h1>
<p>Target <code>${esc(summary.baseUrl)}</code> — ${summary.operations} operations, ${summary.cases} cases (${summary.failedCases} failed), checks ${summary.checks.passed} passed / ${summary.checks.failed} failed / ${summary.checks.known} known, ${(summary.durationMs / 1000).toFixed(1)} s.</p>
<table><tr><th>spec</th><th>operations</th><th>cases</th><th>failed cases</th><th>known</th></tr>${rows}</table>
${operations || '<p class="pass">No findings.</p>'}
</body></html>
`;
}
