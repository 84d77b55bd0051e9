import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, checkSameAnswers, send, writeAnswers, type Answer } from './answers';
import { measureApp } from './app';
import { RESULTS_FILE, SECMOCK_CLI, SETTINGS } from './config';
import { measure } from './load';
import {
  SECTIONS,
  type BenchReport,
  type MemoryResult,
  type Row,
  type Section,
  type TargetInfo,
} from './model';
import { formatConsole, formatMarkdown } from './report';
import { benchRequests, type BenchRequest, type SpecName } from './requests';
import { rssMb, settledRssMb, startBaseline, startPrismMock, startSecmock, type Target } from './servers';
import { measureStartup } from './startup';
import { timeVerifierLoop } from './verifier-loop';

/**
 * `npm run bench [-- --only startup,app,throughput,memory,prism,loop] [-- --no-write]`: every server in its
 * own process, autocannon in another, one after the other on the same machine; start-up, the in-process
 * app, throughput against bare node/Express answering secmock's own bytes and against Prism, memory and the
 * verifier loop. Prints a table and the goals; a full run also writes bench/results.md (not with --no-write).
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(SECMOCK_CLI)) throw new Error(`${SECMOCK_CLI} is missing: run npm run build first`);
  const started = Date.now();
  const loadAverage = loadavg()[0] ?? 0;
  if (loadAverage > 1.5)
    log(`load average ${loadAverage.toFixed(2)}: the machine is busy, these figures will be noisy`);
  const has = (section: Section) => options.sections.includes(section);
  const scratch = mkdtempSync(join(tmpdir(), 'secmock-bench-'));
  try {
    let report: Partial<BenchReport> = {};
    if (has('startup')) {
      log(`start-up: secmock serve (all specs) and bare Express, ${SETTINGS.startupRuns} spawns each...`);
      report.startup = await measureStartup(scratch);
    }
    if (has('app')) {
      log('createMockApp and reset() in a fresh process...');
      report.app = await measureApp();
    }
    if (has('throughput') || has('memory') || has('prism'))
      report = { ...report, ...(await measureLoad(scratch, options.sections)) };
    if (has('loop')) {
      log('verifier loop (in-process mock, all specs)...');
      report.loop = await timeVerifierLoop();
    }
    const full: BenchReport = {
      date: new Date().toISOString(),
      node: process.version,
      cpu: `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores)`,
      settings: SETTINGS,
      sections: options.sections,
      rows: [],
      targets: [],
      requests: [],
      ...report,
      loadAverage,
      loadAverageEnd: loadavg()[0] ?? 0,
      benchSeconds: (Date.now() - started) / 1000,
    };
    console.log(formatConsole(full));
    if (options.sections.length < SECTIONS.length)
      log(`a partial run (--only): ${RESULTS_FILE} left as it was`);
    else if (!options.write) log(`--no-write: ${RESULTS_FILE} left as it was`);
    else {
      writeFileSync(RESULTS_FILE, formatMarkdown(full));
      log(`wrote ${RESULTS_FILE}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface Options {
  sections: Section[];
  write: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sections: [...SECTIONS], write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--no-write') options.write = false;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      const names = (list ?? '').split(',').filter((n) => n !== '');
      const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length > 0)
        throw new Error(
          `--only takes a list of ${SECTIONS.join(', ')}; not: ${unknown.join(', ') || '(none)'}`,
        );
      options.sections = SECTIONS.filter((s) => names.includes(s));
    } else throw new Error(`unknown option ${arg}: use --only ${SECTIONS.join(',')} and/or --no-write`);
  }
  return options;
}

type LoadReport = Pick<BenchReport, 'rows' | 'targets' | 'requests' | 'memory'>;

/**
 * secmock first: its idle RSS once settled, then its answer to each request, which the baselines serve;
 * its rows of load, then (throughput) sessions, the state file and the baselines, then (prism) Prism.
 */
async function measureLoad(scratch: string, sections: Section[]): Promise<LoadReport> {
  const rows: Row[] = [];
  const targets: TargetInfo[] = [];
  const answersFile = join(scratch, 'answers.json');
  log('secmock serve (all specs): idle RSS, then its answers to the bench requests...');
  const secmock = await startSecmock();
  const prepared = await prepare(secmock, answersFile).catch(async (error: unknown) => {
    await secmock.stop();
    throw error;
  });
  const { requests, answers } = prepared;
  await runTarget('secmock', secmock, requests, rows, targets);
  if (sections.includes('throughput')) {
    // The same keyed read and create, each request in a session of its own world (issue 14's 10 % budget).
    const inSession = requests
      .filter((r) => r.id === 'get-by-id' || r.id === 'create')
      .map((r) => ({ ...r, headers: { ...r.headers, 'x-secmock-session': 'bench' } }));
    await runTarget('secmock session', await startSecmock(), inSession, rows, targets);
    // The same create with --state-file: each request's writes committed to SQLite before the answer (0014),
    // the requests of one event-loop turn in one transaction (0018).
    const create = requests.filter((r) => r.id === 'create');
    const durable = await startSecmock(['--state-file', join(scratch, 'state.db')]);
    await runTarget('secmock state file', durable, create, rows, targets);
    for (const kind of ['raw', 'express'] as const) {
      const baseline = await startBaseline(kind, answersFile);
      await checkSameAnswers(baseline.url, requests, answers).catch(async (error: unknown) => {
        await baseline.stop();
        throw error;
      });
      await runTarget(kind === 'raw' ? 'node:http' : 'express', baseline, requests, rows, targets);
    }
  }
  if (sections.includes('prism'))
    for (const dynamic of [false, true]) {
      for (const spec of ['manageEngine', 'aktoThreat'] as SpecName[]) {
        const same = requests.filter((r) => r.spec === spec);
        const name = dynamic ? 'prism -d' : 'prism';
        await runTarget(name, await startPrismMock(spec, dynamic), same, rows, targets, spec);
      }
    }
  return { rows, targets, requests, memory: memoryOf(prepared.idleRssMb, rows) };
}

/**
 * Once secmock has answered and settled: its idle RSS; the requests (with a stored incident id); its answer
 * to each, reads first, written for the baselines; then a reset, so that the load starts from the seed.
 */
async function prepare(secmock: Target, answersFile: string) {
  await new Promise((resolve) => setTimeout(resolve, SETTINGS.settleS * 1000));
  const idleRssMb = await settledRssMb(secmock.child.pid);
  const requests = benchRequests(await firstIncidentId(secmock.url));
  const answers: Answer[] = [];
  for (const request of [...requests].sort((a, b) => Number(a.id === 'create') - Number(b.id === 'create')))
    answers.push(await capture(secmock.url, request));
  writeAnswers(answersFile, answers);
  await fetch(`${secmock.url}/__secmock/reset`, { method: 'POST' });
  return { requests, answers, idleRssMb };
}

function memoryOf(idleRssMb: number | undefined, rows: Row[]): MemoryResult {
  let highest: Row | undefined;
  for (const row of rows.filter((r) => r.target.startsWith('secmock')))
    if (row.rssMb !== undefined && (highest?.rssMb === undefined || row.rssMb > highest.rssMb)) highest = row;
  return { idleRssMb, settleS: SETTINGS.settleS, loadRssMb: highest?.rssMb, loadTarget: highest?.target };
}

/** Loads one server with each request in turn, noting its memory after each; always stops it. */
async function runTarget(
  name: string,
  target: Target,
  requests: BenchRequest[],
  rows: Row[],
  targets: TargetInfo[],
  spec?: SpecName,
): Promise<void> {
  try {
    const label = spec ? `${name} (${SPEC_LABELS[spec]})` : name;
    targets.push({ name: label, command: target.command, readyMs: target.readyMs });
    for (const request of requests) {
      log(`${name}: ${request.id} ${request.method} ${request.path}...`);
      const probe = await send(target.url, request);
      // Creates grow the store: put it back while they run (see measure) and after, so that later requests
      // see the seeded dataset. With the state file a reset rewrites the whole file (about 45 ms with every
      // spec, counted against the row's creates), so that row resets only as often as the bounds need.
      const resetsStore = name.startsWith('secmock') && request.id === 'create';
      const reset = async () => {
        await fetch(`${target.url}/__secmock/reset`, { method: 'POST', headers: request.headers });
      };
      const resetEveryMs = name === 'secmock state file' ? STATE_FILE_RESET_EVERY_MS : undefined;
      const result = await measure(target.url, request, resetsStore ? reset : undefined, resetEveryMs);
      rows.push({
        target: name,
        request: request.id,
        status: probe.status,
        bodyBytes: probe.bytes.length,
        result,
        rssMb: rssMb(target.child.pid),
      });
      if (resetsStore) await reset();
    }
  } finally {
    await target.stop();
  }
}

/**
 * The state file's create row resets every 2.5 s: at 7,000 creates a second that is 17,500 creates, 21 MB
 * of the 32 MB a mock keeps and a third of a collection's 50,000 entities. A row that still reached a bound
 * would show its refusals, and could not meet its goal.
 */
const STATE_FILE_RESET_EVERY_MS = 2500;

async function firstIncidentId(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v2/incident?limit=1`, {
    headers: { authorization: 'Bearer secmock-me-token' },
  });
  const body = (await response.json()) as { data?: Array<{ incident_id?: number }> };
  const id = body.data?.[0]?.incident_id;
  if (id === undefined) throw new Error(`no incident to read: ${JSON.stringify(body)}`);
  return String(id);
}

const SPEC_LABELS: Record<SpecName, string> = {
  manageEngine: 'ManageEngine spec',
  aktoThreat: 'Akto threat spec',
};

function log(line: string): void {
  console.error(`[bench] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
