import type { CoverageCount, CoverageTally } from '../contract';

/** `18/25 (72 %)`; `0/0 (n/a)` when nothing of the kind is declared. */
export function formatCount(count: CoverageCount): string {
  return `${count.covered}/${count.total} (${count.percent === null ? 'n/a' : `${count.percent} %`})`;
}

/** `operations 7/7 (100 %), statuses 18/25 (72 %), filters 2/3 (67 %), paging 2/2 (100 %)`. */
export function formatCoverage(tally: CoverageTally): string {
  const parts = (['operations', 'statuses', 'filters', 'paging'] as const).map(
    (kind) => `${kind} ${formatCount(tally[kind])}`,
  );
  if (tally.undetailed > 0)
    parts.push(`details unknown for ${tally.undetailed} operation${tally.undetailed === 1 ? '' : 's'}`);
  return parts.join(', ');
}
