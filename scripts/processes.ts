import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * Child processes for the Prism oracle test and the bench: node scripts spawned with this very node binary
 * (no globals, no npx download), awaited until they answer HTTP, and always stopped, even when the parent
 * fails half-way.
 */
export interface NodeChild {
  process: ChildProcess;
  pid: number;
  /** The last few KB of stdout and stderr, for failure messages. */
  output(): string;
  exited: Promise<number | null>;
}

const OUTPUT_TAIL = 16_384;
const running = new Set<ChildProcess>();

// A parent that dies on an uncaught error or a jest timeout must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** The script behind an installed package's bin entry (node_modules/<pkg>/<bin>). */
export function binOf(pkg: string, name: string): string {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!bin) throw new Error(`${pkg} has no bin '${name}'`);
  return join(dirname(manifestPath), bin);
}

export function spawnNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeOptions: string[] = [],
): NodeChild {
  const child = spawn(process.execPath, [...nodeOptions, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Colours would only put escape codes into the captured output.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  if (child.pid === undefined) throw new Error(`could not spawn ${script}`);
  running.add(child);
  let output = '';
  // Always drain the pipes: a child blocked on a full stdout pipe stops answering requests.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { process: child, pid: child.pid, output: () => output, exited };
}

/** SIGTERM, then SIGKILL if the child has not exited within graceMs. */
export async function stopChild(child: NodeChild, graceMs = 2000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago (the child that gets it binds it right away, on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until url answers with any HTTP status; fails early if the child exits. */
export async function waitUntilAnswering(
  url: string,
  child: NodeChild | undefined,
  timeoutMs = 20_000,
  headers: Record<string, string> = {},
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.process.exitCode !== null)
      throw new Error(`child exited (${child.process.exitCode}) before answering:\n${child.output()}`);
    try {
      return await fetch(url, { headers, signal: AbortSignal.timeout(1000) });
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child?.output() ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
