import { goalLines } from './goals';
import { autocannonArgs } from './load';
import { ratio, SECTIONS, type BenchReport, type Row } from './model';

const HEADERS = [
  'target',
  'request',
  'status',
  'body B',
  'req/s',
  'runs',
  'p50 ms',
  'p99 ms',
  'errors',
  'KB/answer',
  'RSS MB',
  'vs express',
  'vs prism',
  'vs prism -d',
];

function tableCells(rows: Row[]): string[][] {
  return rows.map((row) => [
    row.target,
    row.request,
    String(row.status),
    String(row.bodyBytes),
    row.result.requestsPerSecond.toFixed(0),
    row.result.runs.map((r) => r.toFixed(0)).join(' '),
    String(row.result.p50Ms),
    String(row.result.p99Ms),
    String(row.result.errors),
    (row.result.bytesPerResponse / 1024).toFixed(1),
    row.rssMb === undefined ? '?' : row.rssMb.toFixed(0),
    ...['express', 'prism', 'prism -d'].map((t) => {
      const r = row.target === t ? undefined : ratio(rows, row, t);
      return r === undefined ? '' : `${r.toFixed(2)}x`;
    }),
  ]);
}

/** The figures without a goal of their own, as lines (console) or list items (results.md). */
function otherMeasures(report: BenchReport): string[] {
  const { startup, app, memory, loop } = report;
  const runs = (values: number[]) =>
    values.map((v) => (v < 1 ? v.toFixed(2) : v < 10 ? v.toFixed(1) : v.toFixed(0))).join(', ');
  const lines: string[] = [];
  if (startup)
    lines.push(
      `start-up, \`${startup.secmock.command}\` (specs: ${startup.specs.join(', ')}) to the end of the first 200 ` +
        `of ${startup.probe}: median ${startup.secmock.medianMs.toFixed(0)} ms (runs: ${runs(startup.secmock.runsMs)} ms)`,
      `start-up of bare Express, \`${startup.express.command}\`, answering secmock's ${startup.answerBytes} B ` +
        `to the same request: median ${startup.express.medianMs.toFixed(0)} ms (runs: ${runs(startup.express.runsMs)} ms)`,
    );
  if (app)
    lines.push(
      `in-process, a fresh node process: loading dist/index.js ${app.requireMs.toFixed(0)} ms; the first ` +
        `\`createMockApp({ specs: ['${app.spec}'] })\` ${app.firstMs.toFixed(0)} ms, then ${runs(app.laterMs)} ms; ` +
        `\`app.mock.reset()\` after ${app.writesPerReset} creates each: ${runs(app.resetMs)} ms, and the ` +
        `first list read (HTTP, loopback) after each: ${runs(app.readAfterResetMs)} ms`,
    );
  if (memory?.idleRssMb !== undefined)
    lines.push(
      `secmock RSS once started and settled (${memory.settleS} s after its first answer, before load): ` +
        `${memory.idleRssMb.toFixed(0)} MB`,
    );
  if (loop)
    lines.push(
      `verifier loop, \`verify()\` against an in-process \`startMock()\`, all specs: ${(loop.ms / 1000).toFixed(1)} s ` +
        `(${loop.operations} operations, ${loop.cases} cases, ${loop.failedCases} failed)`,
    );
  lines.push(...report.targets.map((t) => `${t.name}: first answer ${t.readyMs.toFixed(0)} ms after spawn`));
  return lines;
}

function sectionsNote(report: BenchReport): string {
  return report.sections.length < SECTIONS.length ? ` (only ${report.sections.join(', ')})` : '';
}

export function formatConsole(report: BenchReport): string {
  const cells = [HEADERS, ...tableCells(report.rows)];
  const widths = HEADERS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const lines = report.rows.length
    ? cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '))
    : [];
  return [
    '',
    ...lines,
    '',
    ...otherMeasures(report).map((m) => `       ${m.replace(/`/g, '')}`),
    '',
    ...goalLines(report).map((g) => `${g.met ? 'met   ' : 'MISSED'} ${g.text}`),
    '',
    `load average ${report.loadAverage.toFixed(2)} at start, ${report.loadAverageEnd.toFixed(2)} at the end; ` +
      `${report.benchSeconds.toFixed(0)} s${sectionsNote(report)}`,
  ].join('\n');
}

export function formatMarkdown(report: BenchReport): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const { connections, durationS, warmupS, runs } = report.settings;
  return [
    '# secmock benchmark',
    '',
    `Written by \`npm run bench\` on ${report.date}; node ${report.node}; ${report.cpu}, load average ` +
      `${report.loadAverage.toFixed(2)} at start and ${report.loadAverageEnd.toFixed(2)} at the end; the bench took ` +
      `${report.benchSeconds.toFixed(0)} s. Each row: autocannon in its own process, ${connections} connections, ` +
      `${warmupS} s warm-up (discarded) then ${runs} measured runs of ${durationS} s, against a server in its own ` +
      "process; the best run's figures count (neighbours on the machine only ever slow a run down), the " +
      '`runs` column gives every run, and `errors` counts those of all runs. ' +
      'The node:http and Express baselines answer each request with the very answer secmock gave to it just ' +
      'before (status, headers, body: the `body B` column), parsing JSON request bodies first, so each ' +
      '`vs express` compares the same bytes. `status` and `body B` come from one request sent before the row. ' +
      "RSS is the server process after that row. secmock's store is reset after the warm-up of a create row " +
      'and every second of it (every 2.5 s with the state file, where a reset rewrites the file and its time ' +
      'counts against the row), so that the creates ' +
      'stay within what a collection and the mock hold. A shared or busy machine still makes these numbers ' +
      'noisy: compare rows of the same bench, not benches.',
    '',
    row(HEADERS),
    row(HEADERS.map(() => '---')),
    ...tableCells(report.rows).map(row),
    '',
    '## Goals',
    '',
    ...goalLines(report).map((g) => `- ${g.met ? '✅ met' : '❌ missed'}: ${g.text}`),
    '',
    '## Other measures',
    '',
    ...otherMeasures(report).map((m) => `- ${m}`),
    '',
    '## Exactly what ran',
    '',
    'Servers (each its own process, `<p>` a free loopback port; secmock with no heap cap flag):',
    '',
    ...report.targets.map((t) => `- ${t.name}: \`${t.command}\``),
    ...(report.app ? [`- createMockApp and reset(): \`${report.app.command}\``] : []),
    '',
    'Requests (`node node_modules/autocannon/autocannon.js ...`, same bytes to secmock, the baselines and ' +
      'Prism; `-I` puts a fresh id in each create’s name):',
    '',
    ...report.requests.map(
      (r) => `- ${r.id}: \`autocannon ${quoteArgs(autocannonArgs('<target>', r, durationS))}\``,
    ),
    '',
  ].join('\n');
}

function quoteArgs(args: string[]): string {
  return args.map((a) => (/^[\w./:<>=?-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
