import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root: the bench runs compiled from node_modules/.cache, so find it rather than assume it. */
function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'secmock'
    )
      return dir;
  }
  throw new Error(`no secmock package.json above ${from}`);
}

export const ROOT = findRoot(__dirname);
export const SECMOCK_CLI = join(ROOT, 'dist', 'cli.js');

/** The node options `npm start` gives secmock (package.json): the bench measures the mock as it is started. */
export const SECMOCK_NODE_OPTIONS: string[] =
  (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start.match(/--[\w-]+=\S+(?=.*dist\/cli\.js)/g) ?? [];
export const SECMOCK_LIBRARY = join(ROOT, 'dist', 'index.js');
export const RESULTS_FILE = join(ROOT, 'bench', 'results.md');
export const SPEC_FILES = {
  manageEngine: join(ROOT, 'specs', 'manageengine-incidents.yaml'),
  aktoThreat: join(ROOT, 'specs', 'akto-threat-detection.yaml'),
} as const;

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Load shape; the environment can shorten a run (BENCH_DURATION=2 for a smoke run). */
export const SETTINGS = {
  connections: seconds('BENCH_CONNECTIONS', 50),
  durationS: seconds('BENCH_DURATION', 5),
  warmupS: seconds('BENCH_WARMUP', 1),
  startupRuns: seconds('BENCH_STARTUP_RUNS', 3),
};

/** What the lead aims at (issue 6); the report says met or missed, nothing asserts it. */
export const TARGETS = {
  shareOfExpress: 0.6,
  timesPrismDynamic: 3,
  timesPrismStatic: 1.5,
  p99Ms: 50,
  startupMs: 1500,
  rssMb: 250,
  verifierLoopMs: 60_000,
  /** Requests in a session (x-secmock-session) keep this share of the shared world's throughput. */
  shareInSession: 0.9,
};
