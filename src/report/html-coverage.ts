import type { Coverage, CoverageTally, OperationCoverage } from '../contract';
import { formatCount } from './coverage';
import { esc } from './html-escape';

/** The coverage table (a row per spec, then the total) and what each operation left unexercised. */
export function coverageSection(coverage: Coverage): string {
  const row = (name: string, tally: CoverageTally, cell: 'td' | 'th') =>
    `<tr><${cell}>${name}</${cell}>${(['operations', 'statuses', 'filters', 'paging'] as const)
      .map((kind) => `<td>${formatCount(tally[kind])}</td>`)
      .join('')}</tr>`;
  const rows = [
    ...coverage.specs.map((spec) => row(esc(spec.id), spec, 'td')),
    row('total', coverage.total, 'th'),
  ];
  const gaps = coverage.operations.flatMap((op) => {
    const missing = gapsOf(op);
    return missing.length === 0
      ? []
      : [
          `<li>${esc(op.method)} ${esc(op.path)} ${esc(op.spec)}/${esc(op.operationId)}: ${missing.join('; ')}</li>`,
        ];
  });
  const details =
    gaps.length === 0
      ? '<p class="pass">Every planned operation, documented status, filter and page parameter was exercised.</p>'
      : `<details><summary>Not exercised (${gaps.length} operations)</summary><ul>${gaps.join('')}</ul></details>`;
  return `<h2>API coverage</h2>
<table><tr><th>spec</th><th>operations</th><th>statuses</th><th>filters</th><th>paging</th></tr>${rows.join('')}</table>
${details}`;
}

function gapsOf(op: OperationCoverage): string[] {
  const gaps = op.exercised ? [] : ['no case'];
  if (!op.detail) return [...gaps, 'details unknown (no case of its spec was sent)'];
  const { statuses, filters, paging } = op.detail;
  const missing = (label: string, declared: string[], done: string[]) => {
    const left = declared.filter((item) => !done.includes(item));
    return left.length === 0
      ? []
      : [`${label} ${left.map((item) => `<code>${esc(item)}</code>`).join(', ')}`];
  };
  return [
    ...gaps,
    ...missing('statuses', statuses.documented, statuses.observed),
    ...missing('filters', filters.declared, filters.exercised),
    ...missing('paging', paging.declared, paging.exercised),
  ];
}
