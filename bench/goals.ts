import { TARGETS } from './config';
import { ratio, type BenchReport, type Row } from './model';

export interface GoalLine {
  met: boolean;
  text: string;
}

/** Requests that only read (the aggregate is a POST carrying its query); the rest write. */
const READS = new Set<Row['request']>(['get-by-id', 'list', 'aggregate']);

/** The lead's targets for secmock (issues 6, 14 and 17), each measured in this run; only what ran. */
export function goalLines(report: BenchReport): GoalLine[] {
  const lines: GoalLine[] = [];
  const has = (target: string) => report.rows.some((r) => r.target === target);
  const secmock = report.rows.filter((r) => r.target === 'secmock');
  for (const row of secmock) {
    if (has('express')) lines.push(vsExpress(report.rows, row));
    if (has('prism -d'))
      lines.push(
        atLeast(row, ratio(report.rows, row, 'prism -d'), TARGETS.timesPrismDynamic, 'Prism dynamic'),
      );
    if (has('prism'))
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
        'in a session',
      ),
    );
  // A feature must not take the create below its goal either: the state file's create against the baseline.
  for (const row of report.rows.filter((r) => r.target === 'secmock state file'))
    if (has('express')) lines.push(vsExpress(report.rows, row, 'with --state-file'));
  const { startup, app, memory, loop } = report;
  if (startup)
    lines.push({
      met: startup.secmock.medianMs < TARGETS.startupMs,
      text:
        `start-up, spawn to first answer with all ${startup.specs.length} specs: median ` +
        `${startup.secmock.medianMs.toFixed(0)} ms of ${startup.secmock.runsMs.length} (bare Express ` +
        `${startup.express.medianMs.toFixed(0)} ms, ${(startup.secmock.medianMs / startup.express.medianMs).toFixed(1)}x) ` +
        `(goal < ${TARGETS.startupMs} ms)`,
    });
  if (app)
    lines.push(
      {
        met: app.laterMedianMs < TARGETS.createMockAppMs,
        text:
          `createMockApp, one spec, after the first: median ${ms(app.laterMedianMs)} of ${app.laterMs.length}, ` +
          `the slowest ${ms(Math.max(...app.laterMs))} (goal < ${TARGETS.createMockAppMs} ms)`,
      },
      {
        met: app.resetMedianMs < TARGETS.resetMs,
        text:
          `app.mock.reset() after ${app.writesPerReset} creates: median ${ms(app.resetMedianMs)} of ` +
          `${app.resetMs.length}, the slowest ${ms(Math.max(...app.resetMs))} (goal < ${TARGETS.resetMs} ms)`,
      },
    );
  if (memory?.idleRssMb !== undefined)
    lines.push({
      met: memory.idleRssMb < TARGETS.idleRssMb,
      text:
        `idle RSS, secmock serve with all specs and no heap cap, ${memory.settleS} s after its first answer: ` +
        `${memory.idleRssMb.toFixed(0)} MB (goal < ${TARGETS.idleRssMb} MB)`,
    });
  if (memory?.loadRssMb !== undefined)
    lines.push({
      met: memory.loadRssMb < TARGETS.loadRssMb,
      text:
        `RSS after the bench load, the highest of any secmock process (${memory.loadTarget}): ` +
        `${memory.loadRssMb.toFixed(0)} MB (goal < ${TARGETS.loadRssMb} MB)`,
    });
  if (loop)
    lines.push({
      met: loop.ms < TARGETS.verifierLoopMs,
      text: `verifier loop ${(loop.ms / 1000).toFixed(1)} s (goal < ${TARGETS.verifierLoopMs / 1000} s)`,
    });
  return lines;
}

/** Against bare Express answering this request with secmock's very bytes (reads 0.8x, writes 0.6x). */
function vsExpress(rows: Row[], row: Row, what?: string): GoalLine {
  const goal = READS.has(row.request) ? TARGETS.readShareOfExpress : TARGETS.createShareOfExpress;
  return atLeast(
    row,
    ratio(rows, row, 'express'),
    goal,
    `bare Express answering the same ${row.bodyBytes} B`,
    what,
  );
}

/** A row whose requests failed measured the failures, not the answers: it cannot meet a goal. */
function atLeast(row: Row, value: number | undefined, goal: number, of: string, what?: string): GoalLine {
  const shown = value === undefined ? 'n/a' : `${value.toFixed(2)}x`;
  const { errors } = row.result;
  const failed = errors > 0 ? `; ${errors} requests failed or were refused` : '';
  return {
    met: value !== undefined && value >= goal && errors === 0,
    text: `${row.request}${what ? ` ${what}` : ''}: ${shown} ${of}${failed} (goal ≥ ${goal}x)`,
  };
}

function ms(value: number): string {
  return `${value < 1 ? value.toFixed(2) : value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
}
