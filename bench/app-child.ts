import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type * as Secmock from '../src/index';
import { bodyOf } from './answers';
import type { BenchRequest } from './requests';

/**
 * Run by app.ts in a fresh process: `node app-child.js <dist/index.js> <spec file> <runs> <create JSON>`.
 * Times the library's in-process mock (issue 17 item 2): loading the package, the first `createMockApp` for
 * one spec, the calls after it with the same options, and `app.mock.reset()` after a few writes. Prints one
 * JSON line. It imports no package secmock loads too (yaml, express...), so the first call pays for them.
 */
export interface AppTimes {
  requireMs: number;
  firstMs: number;
  laterMs: number[];
  resetMs: number[];
  /** The first read (the ManageEngine list) after each reset: a reset that defers its work shows up here. */
  readAfterResetMs: number[];
  writesPerReset: number;
}

const WRITES_PER_RESET = 3;

async function main(): Promise<void> {
  const [library, specFile, runsText, createJson] = process.argv.slice(2);
  if (!library || !specFile || !createJson)
    throw new Error('usage: app-child <dist/index.js> <spec file> <runs> <create request JSON>');
  const runs = Number(runsText);
  const loading = performance.now();
  const secmock = (await import(library)) as typeof Secmock;
  const requireMs = performance.now() - loading;
  const options = { specs: [specFile] };
  const timed = async () => {
    const started = performance.now();
    const app = await secmock.createMockApp(options);
    return { app, ms: performance.now() - started };
  };
  const first = await timed();
  const laterMs: number[] = [];
  for (let i = 0; i < runs; i++) laterMs.push((await timed()).ms);
  const resets = await timeResets(first.app, runs, JSON.parse(createJson) as BenchRequest);
  const result: AppTimes = {
    requireMs,
    firstMs: first.ms,
    laterMs,
    ...resets,
    writesPerReset: WRITES_PER_RESET,
  };
  console.log(JSON.stringify(result));
}

/** Rounds of a few creates over HTTP (the app listening on loopback), a timed reset, a timed read. */
async function timeResets(app: Secmock.MockApp, runs: number, create: BenchRequest) {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const resetMs: number[] = [];
    const readAfterResetMs: number[] = [];
    for (let round = 0; round < runs; round++) {
      for (let i = 0; i < WRITES_PER_RESET; i++) {
        const response = await fetch(`${url}${create.path}`, {
          method: create.method,
          headers: create.headers,
          body: bodyOf(create),
        });
        if (response.status >= 300)
          throw new Error(`create answered ${response.status}: ${await response.text()}`);
      }
      const started = performance.now();
      // Awaited whether reset() is synchronous or not: the time is until the state is back.
      await Promise.resolve(app.mock.reset() as unknown);
      resetMs.push(performance.now() - started);
      const reading = performance.now();
      const read = await fetch(`${url}${create.path}?limit=50`, { headers: create.headers });
      await read.arrayBuffer();
      if (read.status !== 200) throw new Error(`list after reset answered ${read.status}`);
      readAfterResetMs.push(performance.now() - reading);
    }
    return { resetMs, readAfterResetMs };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
