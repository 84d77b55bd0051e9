import type { Summary } from '../contract';

/**
 * The whole run as JSON: the totals, every finding (with its curl line) and the operation x check tallies.
 * The layout (`baseUrl`, `summary`, `findings`, `operations`) is what CI scripts read; it stays stable.
 */
export function formatJson(summary: Summary): string {
  const { byOperation, findings, baseUrl, ...totals } = summary;
  return `${JSON.stringify({ baseUrl, summary: totals, findings, operations: byOperation }, null, 2)}\n`;
}
