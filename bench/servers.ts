import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PRISM_BIN } from '../scripts/prism';
import { freePort, spawnNode, stopChild, waitUntilAnswering, type NodeChild } from '../scripts/processes';
import { ROOT, SECMOCK_CLI, SECMOCK_NODE_OPTIONS, SPEC_FILES } from './config';
import type { SpecName } from './requests';

/** A server under load, in its own process so that its RSS and its CPU are its own. */
export interface Target {
  url: string;
  child: NodeChild;
  /** How it was started, relative to the project root, for results.md. */
  command: string;
  /** From spawn to the first HTTP answer (any status). */
  readyMs: number;
  stop(): Promise<void>;
}

async function startTarget(
  script: string,
  args: (port: string) => string[],
  nodeOptions: string[] = [],
): Promise<Target> {
  const port = await freePort();
  const argv = args(String(port));
  const started = performance.now();
  const child = spawnNode(script, argv, {}, nodeOptions);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(`${url}/`, child, 30_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const command = ['node', ...nodeOptions, relative(script), ...args('<p>').map(relative)].join(' ');
  const readyMs = performance.now() - started;
  return { url, child, command, readyMs, stop: () => stopChild(child) };
}

export function startBaseline(kind: 'raw' | 'express', bodyFile: string): Promise<Target> {
  return startTarget(join(__dirname, 'baseline-server.js'), (port) => [kind, port, bodyFile]);
}

/** `secmock serve` with all specs; `extra` adds options (the state-file row gives --state-file). */
export function startSecmock(extra: string[] = []): Promise<Target> {
  return startTarget(SECMOCK_CLI, (port) => ['serve', '--port', port, ...extra], SECMOCK_NODE_OPTIONS);
}

/**
 * `prism mock`, static (documented examples) or dynamic (-d, generated from the schemas). Its per-request
 * console logging is turned down to warnings so that the comparison is not about log output: secmock keeps
 * its request log in memory and prints nothing per request.
 */
export function startPrismMock(spec: SpecName, dynamic: boolean): Promise<Target> {
  return startTarget(PRISM_BIN, (port) => [
    'mock',
    SPEC_FILES[spec],
    ...(dynamic ? ['-d'] : []),
    '--port',
    port,
    '--host',
    '127.0.0.1',
    '--multiprocess=false',
    '--verboseLevel',
    'warn',
  ]);
}

/** Resident set size of a process now, from /proc (Linux). */
export function rssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Paths as a reader would type them from the project root; the scratch body file by what it holds. */
function relative(path: string): string {
  if (path.startsWith(`${ROOT}/`)) return path.slice(ROOT.length + 1);
  if (path.startsWith(tmpdir()))
    return path.endsWith('.db') ? '<scratch>/state.db' : '<secmock-get-by-id-body.json>';
  return path;
}
