import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './load';
import { RESULTS_FILE, SECMOCK_CLI, SETTINGS } from './config';
import type { BenchReport, Row, TargetInfo } from './model';
import { formatConsole, formatMarkdown } from './report';
import { benchRequests, type BenchRequest, type SpecName } from './requests';
import { rssMb, startBaseline, startPrismMock, startSecmock, type Target } from './servers';
import { measureStartup } from './startup';
import { timeVerifierLoop } from './verifier-loop';

/**
 * `npm run bench`: every server in its own process, autocannon in another, one after the other on the same
 * machine; then start-up, memory and the verifier loop. Prints a table and writes bench/results.md.
 */
async function main(): Promise<void> {
  if (!existsSync(SECMOCK_CLI)) throw new Error(`${SECMOCK_CLI} is missing: run npm run build first`);
  const started = Date.now();
  const loadAverage = loadavg()[0] ?? 0;
  log('start-up of secmock serve (all specs)...');
  const startup = await measureStartup();
  const load = await measureLoad();
  log('verifier loop (in-process mock, all specs)...');
  const loop = await timeVerifierLoop();
  const report: BenchReport = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores)`,
    settings: SETTINGS,
    ...load,
    startup,
    loop,
    loadAverage,
    benchSeconds: (Date.now() - started) / 1000,
  };
  console.log(formatConsole(report));
  writeFileSync(RESULTS_FILE, formatMarkdown(report));
  log(`wrote ${RESULTS_FILE}`);
}

type LoadReport = Pick<BenchReport, 'rows' | 'targets' | 'requests' | 'idleRssMb'>;

/** secmock first: its get-by-id answer is the body the baselines serve; then the baselines, then Prism. */
async function measureLoad(): Promise<LoadReport> {
  const rows: Row[] = [];
  const targets: TargetInfo[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'secmock-bench-'));
  const bodyFile = join(scratch, 'body.json');
  try {
    const secmock = await startSecmock();
    const prepared = await prepare(secmock, bodyFile).catch(async (error: unknown) => {
      await secmock.stop();
      throw error;
    });
    const { requests } = prepared;
    await runTarget('secmock', secmock, requests, rows, targets);
    // The same keyed read and create, each request in a session of its own world (issue 14's 10 % budget).
    const inSession = requests
      .filter((r) => r.id === 'get-by-id' || r.id === 'create')
      .map((r) => ({ ...r, headers: { ...r.headers, 'x-secmock-session': 'bench' } }));
    await runTarget('secmock session', await startSecmock(), inSession, rows, targets);
    // The same create with --state-file: each request's writes committed to SQLite before the answer (0014).
    const create = requests.filter((r) => r.id === 'create');
    const durable = await startSecmock(['--state-file', join(scratch, 'state.db')]);
    await runTarget('secmock state file', durable, create, rows, targets);
    const baseline = [requests[0] as BenchRequest];
    await runTarget('node:http', await startBaseline('raw', bodyFile), baseline, rows, targets);
    await runTarget('express', await startBaseline('express', bodyFile), baseline, rows, targets);
    for (const dynamic of [false, true]) {
      for (const spec of ['manageEngine', 'aktoThreat'] as SpecName[]) {
        const same = requests.filter((r) => r.spec === spec);
        const name = dynamic ? 'prism -d' : 'prism';
        await runTarget(name, await startPrismMock(spec, dynamic), same, rows, targets, spec);
      }
    }
    return { rows, targets, requests, idleRssMb: prepared.idleRssMb };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The requests (with a stored incident id) and secmock's get-by-id answer, saved for the baselines. */
async function prepare(secmock: Target, bodyFile: string) {
  const requests = benchRequests(await firstIncidentId(secmock.url));
  writeFileSync(bodyFile, await answerText(secmock.url, requests[0] as BenchRequest));
  return { requests, idleRssMb: rssMb(secmock.child.pid) };
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
      const result = await measure(target.url, request);
      rows.push({ target: name, request: request.id, result, rssMb: rssMb(target.child.pid) });
      // Creates grow the store; put it back so that later requests see the seeded dataset.
      if (name.startsWith('secmock') && request.id === 'create')
        await fetch(`${target.url}/__secmock/reset`, { method: 'POST', headers: request.headers });
    }
  } finally {
    await target.stop();
  }
}

async function firstIncidentId(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v2/incident?limit=1`, {
    headers: { authorization: 'Bearer secmock-me-token' },
  });
  const body = (await response.json()) as { data?: Array<{ incident_id?: number }> };
  const id = body.data?.[0]?.incident_id;
  if (id === undefined) throw new Error(`no incident to read: ${JSON.stringify(body)}`);
  return String(id);
}

/** secmock's answer to a request: the baselines serve exactly these bytes. */
async function answerText(baseUrl: string, request: BenchRequest): Promise<string> {
  const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers });
  if (response.status !== 200) throw new Error(`${request.path} answered ${response.status}`);
  return response.text();
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
