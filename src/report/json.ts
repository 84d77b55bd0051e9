import type { Summary } from '../contract';

/**
 * The whole run as JSON: the totals, every finding (with its curl line), the operation x check tallies, the
 * run's metadata and its API coverage. The layout (`baseUrl`, `summary`, `findings`, `operations`) is what
 * CI scripts read; it stays stable, and what came later (`run`, `coverage`, `cleanup`) follows it.
 */
export function formatJson(summary: Summary): string {
  const { byOperation, findings, baseUrl, run, coverage, cleanup, ...totals } = summary;
  const report = { baseUrl, summary: totals, findings, operations: byOperation, run, coverage, cleanup };
  return `${JSON.stringify(report, null, 2)}\n`;
}
