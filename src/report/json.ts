import type { RunReport } from './aggregate';

/** The whole run as JSON: summary, findings (with curl lines) and the operation x check tallies. */
export function formatJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
