import { performance } from 'node:perf_hooks';
import { freePort, spawnNode, stopChild } from '../scripts/processes';
import { SECMOCK_CLI, SECMOCK_NODE_OPTIONS, SETTINGS } from './config';

export interface StartupResult {
  medianMs: number;
  runsMs: number[];
  /** What counted as "up": the first 200 of this request. */
  probe: string;
}

const PROBE = '/api/v2/incident?limit=1';
const PROBE_HEADERS = { authorization: 'Bearer secmock-me-token' };

/** `secmock serve` with every spec, from spawn to the first successful answer of a real operation. */
export async function measureStartup(): Promise<StartupResult> {
  const runsMs: number[] = [];
  for (let i = 0; i < SETTINGS.startupRuns; i++) runsMs.push(await startOnce());
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)] as number,
    runsMs,
    probe: `GET ${PROBE} (Authorization: Bearer secmock-me-token)`,
  };
}

async function startOnce(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode(SECMOCK_CLI, ['serve', '--port', String(port)], {}, SECMOCK_NODE_OPTIONS);
  try {
    for (;;) {
      if (child.process.exitCode !== null) throw new Error(`secmock serve exited:\n${child.output()}`);
      const status = await fetch(`http://127.0.0.1:${port}${PROBE}`, { headers: PROBE_HEADERS }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      if (status !== 0) throw new Error(`secmock answered ${status} to the start-up probe`);
      if (performance.now() - started > 30_000) throw new Error(`secmock did not start:\n${child.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await stopChild(child);
  }
}
