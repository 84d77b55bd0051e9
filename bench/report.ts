import { goalLines } from './goals';
import { autocannonArgs } from './load';
import { ratio, type BenchReport, type Row } from './model';

const HEADERS = [
  'target',
  'request',
  'req/s',
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
    row.result.requestsPerSecond.toFixed(0),
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

export function formatConsole(report: BenchReport): string {
  const cells = [HEADERS, ...tableCells(report.rows)];
  const widths = HEADERS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const lines = cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
  return ['', ...lines, '', ...goalLines(report).map((g) => `${g.met ? 'met   ' : 'MISSED'} ${g.text}`)].join(
    '\n',
  );
}

export function formatMarkdown(report: BenchReport): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const { connections, durationS, warmupS } = report.settings;
  return [
    '# secmock benchmark',
    '',
    `Written by \`npm run bench\` on ${report.date}; node ${report.node}; ${report.cpu}, load average ` +
      `${report.loadAverage.toFixed(2)} at start; the bench took ` +
      `${report.benchSeconds.toFixed(0)} s. Each row: autocannon in its own process, ${connections} connections, ` +
      `${warmupS} s warm-up (discarded) then ${durationS} s measured, against a server in its own process. ` +
      'RSS is the server process after that row. A shared or busy machine makes these numbers noisy: compare ' +
      'rows of the same run, not runs.',
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
    `- start-up, \`node dist/cli.js serve --port <p>\` (all specs) to the first 200 of ${report.startup.probe}: ` +
      `median ${report.startup.medianMs.toFixed(0)} ms (runs: ${report.startup.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
    `- verifier loop, \`verify()\` against an in-process \`startMock()\`, all specs: ${(report.loop.ms / 1000).toFixed(1)} s ` +
      `(${report.loop.operations} operations, ${report.loop.cases} cases, ${report.loop.failedCases} failed)`,
    `- secmock RSS once started, before load: ${report.idleRssMb?.toFixed(0) ?? '?'} MB`,
    ...report.targets.map((t) => `- ${t.name}: first answer ${t.readyMs.toFixed(0)} ms after spawn`),
    '',
    '## Exactly what ran',
    '',
    'Servers (each its own process, `<p>` a free loopback port):',
    '',
    ...report.targets.map((t) => `- ${t.name}: \`${t.command}\``),
    '',
    'Requests (`node node_modules/autocannon/autocannon.js ...`, same bytes to secmock and to Prism; the ' +
      'baselines get the get-by-id request and answer secmock’s get-by-id body):',
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
