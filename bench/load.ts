import { binOf, spawnNode } from '../scripts/processes';
import { SETTINGS } from './config';
import type { BenchRequest } from './requests';

/** What one autocannon run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  total: number;
  /** Average response size (headers and body), to tell a cheap answer from a small one. */
  bytesPerResponse: number;
  /** Requests a second of every measured run, in order; the fields above are the best run's. */
  runs: number[];
}

interface AutocannonJson {
  requests: { average: number; total: number };
  throughput: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

const AUTOCANNON = binOf('autocannon', 'autocannon');

/**
 * How often a row that writes puts the store back while it runs, by default: a reset takes well under a
 * millisecond in memory.
 */
const RESET_EVERY_MS = 1000;

/**
 * Runs autocannon in a child process (the load generator must not share the server's event loop, nor the
 * bench's), first a discarded warm-up so that JIT and caches settle, then `SETTINGS.runs` measured runs; the
 * best counts, and the errors of every run. `reset` (a store reset, for rows that create) runs after the
 * warm-up and every `resetEveryMs` of the measured runs: at thousands of creates a second, a few seconds
 * would otherwise fill a collection (50,000 entities) or the bytes a mock keeps (32 MB) and measure refusals.
 */
export async function measure(
  baseUrl: string,
  request: BenchRequest,
  reset?: () => Promise<void>,
  resetEveryMs = RESET_EVERY_MS,
): Promise<LoadResult> {
  await runAutocannon(baseUrl, request, SETTINGS.warmupS);
  if (reset) await reset();
  let resetting = Promise.resolve();
  const timer = reset
    ? setInterval(() => {
        resetting = resetting.then(reset);
      }, resetEveryMs)
    : undefined;
  try {
    const results: Array<Omit<LoadResult, 'runs'>> = [];
    for (let run = 0; run < SETTINGS.runs; run++)
      results.push(await runAutocannon(baseUrl, request, SETTINGS.durationS));
    const best = results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    return {
      ...best,
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      total: results.reduce((sum, r) => sum + r.total, 0),
      runs: results.map((r) => r.requestsPerSecond),
    };
  } finally {
    clearInterval(timer);
    await resetting;
  }
}

/** The exact command line, for results.md. */
export function autocannonArgs(baseUrl: string, request: BenchRequest, seconds: number): string[] {
  const args = ['-j', '-n', '-c', String(SETTINGS.connections), '-d', String(seconds), '-m', request.method];
  for (const [name, value] of Object.entries(request.headers)) args.push('-H', `${name}=${value}`);
  if (request.body !== undefined) args.push('-b', request.body);
  if (request.uniqueBody) args.push('-I');
  args.push(`${baseUrl}${request.path}`);
  return args;
}

async function runAutocannon(
  baseUrl: string,
  request: BenchRequest,
  seconds: number,
): Promise<Omit<LoadResult, 'runs'>> {
  const child = spawnNode(AUTOCANNON, autocannonArgs(baseUrl, request, seconds));
  let stdout = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await child.exited;
  const json = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !json.startsWith('{')) throw new Error(`autocannon failed (${code}):\n${child.output()}`);
  const result = JSON.parse(json) as AutocannonJson;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}
