import { TARGETS } from './config';
import { ratio, type BenchReport, type Row } from './model';

export interface GoalLine {
  met: boolean;
  text: string;
}

/** The lead's targets for secmock, each measured against this run's own baselines. */
export function goalLines(report: BenchReport): GoalLine[] {
  const secmock = report.rows.filter((r) => r.target === 'secmock');
  const lines: GoalLine[] = [];
  for (const row of secmock) {
    if (row.request === 'get-by-id' || row.request === 'list')
      lines.push(atLeast(row, ratio(report.rows, row, 'express'), TARGETS.shareOfExpress, 'bare Express'));
    lines.push(atLeast(row, ratio(report.rows, row, 'prism -d'), TARGETS.timesPrismDynamic, 'Prism dynamic'));
    lines.push(atLeast(row, ratio(report.rows, row, 'prism'), TARGETS.timesPrismStatic, 'Prism static'));
    lines.push({
      met: row.result.p99Ms < TARGETS.p99Ms,
      text: `${row.request}: p99 ${row.result.p99Ms} ms (goal < ${TARGETS.p99Ms} ms at ${report.settings.connections} connections)`,
    });
  }
  for (const row of report.rows.filter((r) => r.target === 'secmock session'))
    lines.push(
      atLeast(
        row,
        ratio(report.rows, row, 'secmock'),
        TARGETS.shareInSession,
        'the same request outside a session',
      ),
    );
  const rss = Math.max(...secmock.map((r) => r.rssMb ?? Infinity));
  lines.push(
    {
      met: report.startup.medianMs < TARGETS.startupMs,
      text: `start-up with all specs ${report.startup.medianMs.toFixed(0)} ms (goal < ${TARGETS.startupMs} ms)`,
    },
    { met: rss < TARGETS.rssMb, text: `RSS after load ${rss.toFixed(0)} MB (goal < ${TARGETS.rssMb} MB)` },
    {
      met: report.loop.ms < TARGETS.verifierLoopMs,
      text: `verifier loop ${(report.loop.ms / 1000).toFixed(1)} s (goal < ${TARGETS.verifierLoopMs / 1000} s)`,
    },
  );
  return lines;
}

function atLeast(row: Row, value: number | undefined, goal: number, of: string): GoalLine {
  const shown = value === undefined ? 'n/a' : `${value.toFixed(2)}x`;
  return {
    met: value !== undefined && value >= goal,
    text: `${row.request}: ${shown} ${of} (goal ≥ ${goal}x)`,
  };
}
