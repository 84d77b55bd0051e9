import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PRISM_BIN } from '../scripts/prism';
import { freePort, spawnNode, stopChild, waitUntilAnswering, type NodeChild } from '../scripts/processes';
import { ROOT, SECMOCK_CLI, SPEC_FILES, uncappedEnv } from './config';
import type { SpecName } from './requests';

/** A server under load, in its own process so that its RSS and its CPU are its own. */
export interface Target {
  url: string;
  child: NodeChild;
  /** How it was started, relative to the project root, for results.md. */
  command: string;
  /** From spawn to the first HTTP answer (secmock: to the first 200 of an API request). */
  readyMs: number;
  stop(): Promise<void>;
}

/** secmock's first answer: a ManageEngine list page with the spec's default credential. */
export const FIRST_ANSWER = {
  path: '/api/v2/incident?limit=1',
  headers: { authorization: 'Bearer secmock-me-token' },
  text: 'GET /api/v2/incident?limit=1 (Authorization: Bearer secmock-me-token)',
};

interface Start {
  args: (port: string) => string[];
  env?: NodeJS.ProcessEnv;
  /** Ready once this path answers 200 (default: once `/` answers anything). */
  ready?: { path: string; headers: Record<string, string> };
}

async function startTarget(script: string, start: Start): Promise<Target> {
  const port = await freePort();
  const argv = start.args(String(port));
  const started = performance.now();
  const child = spawnNode(script, argv, start.env);
  const url = `http://127.0.0.1:${port}`;
  try {
    const ready = start.ready;
    if (ready) await waitUntilOk(`${url}${ready.path}`, ready.headers, child, 30_000);
    else await waitUntilAnswering(`${url}/`, child, 30_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const command = ['node', relative(script), ...start.args('<p>').map(relative)].join(' ');
  const readyMs = performance.now() - started;
  return { url, child, command, readyMs, stop: () => stopChild(child) };
}

/**
 * Polls url until it answers 200 (a server still warming up may answer 5xx meanwhile); fails early if the
 * child exits or refuses the request (4xx: the probe is wrong).
 */
export async function waitUntilOk(
  url: string,
  headers: Record<string, string>,
  child: NodeChild,
  timeoutMs: number,
): Promise<Response> {
  const started = performance.now();
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${url}: the server exited:\n${child.output()}`);
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) }).catch(
      () => undefined,
    );
    if (response?.status === 200) return response;
    if (response && response.status < 500)
      throw new Error(`${url} answered ${response.status}:\n${await response.text()}`);
    if (performance.now() - started > timeoutMs)
      throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export function startBaseline(kind: 'raw' | 'express', answersFile: string): Promise<Target> {
  return startTarget(join(__dirname, 'baseline-server.js'), { args: (port) => [kind, port, answersFile] });
}

/**
 * `secmock serve` with all specs, no per-request log (the baselines print nothing either) and no heap cap;
 * `extra` adds options (the state-file row gives --state-file).
 */
export function startSecmock(extra: string[] = []): Promise<Target> {
  return startTarget(SECMOCK_CLI, {
    args: (port) => secmockArgs(port, extra),
    env: uncappedEnv(),
    ready: FIRST_ANSWER,
  });
}

export function secmockArgs(port: string, extra: string[] = []): string[] {
  return ['serve', '--port', port, '--log-level', 'silent', ...extra];
}

/**
 * `prism mock`, static (documented examples) or dynamic (-d, generated from the schemas). Its per-request
 * console logging is turned down to warnings so that the comparison is not about log output: secmock keeps
 * its request log in memory and prints nothing per request.
 */
export function startPrismMock(spec: SpecName, dynamic: boolean): Promise<Target> {
  const args = (port: string) => [
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
  ];
  return startTarget(PRISM_BIN, { args });
}

/** The median of a few RSS samples intervalMs apart: one sample can land just before a collection. */
export async function settledRssMb(pid: number, samples = 5, intervalMs = 200): Promise<number | undefined> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const value = rssMb(pid);
    if (value !== undefined) values.push(value);
    if (i < samples - 1) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return values.length === 0 ? undefined : values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
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

/** Paths as a reader would type them from the project root; the scratch files by what they hold. */
export function relative(path: string): string {
  if (path.startsWith(`${ROOT}/`)) return path.slice(ROOT.length + 1);
  if (path.startsWith(tmpdir()))
    return path.endsWith('.db') ? '<scratch>/state.db' : '<secmock-answers.json>';
  return path;
}
