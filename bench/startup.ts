import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, spawnNode, stopChild } from '../scripts/processes';
import { answerOf, writeAnswers } from './answers';
import { ROOT, SECMOCK_CLI, SETTINGS, uncappedEnv } from './config';
import type { BenchRequest } from './requests';
import { FIRST_ANSWER, relative, secmockArgs, waitUntilOk } from './servers';

export interface StartupTimes {
  medianMs: number;
  runsMs: number[];
  /** How it was spawned, for results.md. */
  command: string;
}

export interface StartupResult {
  secmock: StartupTimes;
  /** A bare Express app spawned the same way, answering secmock's answer to the same request. */
  express: StartupTimes;
  /** What counted as "up": the first 200 of this request. */
  probe: string;
  /** The specs secmock served (from /__secmock/health), checked to be every bundled one (four). */
  specs: string[];
  answerBytes: number;
}

/** The probe as a bench request, so that it is captured and served like the load's requests. */
const PROBE: BenchRequest = {
  id: 'list',
  spec: 'manageEngine',
  method: 'GET',
  path: FIRST_ANSWER.path,
  headers: FIRST_ANSWER.headers,
};

/**
 * Issue 17 item 1: from the spawn of `secmock serve` (every spec, no per-request log, no heap cap) to the
 * first successful answer of a vendor API request, the median of a few runs; then the same for a bare Express
 * script that answers that request with secmock's own answer. The scratch directory holds the answer file.
 */
export async function measureStartup(scratch: string): Promise<StartupResult> {
  const runsMs: number[] = [];
  let first: Awaited<ReturnType<typeof startOnce>> | undefined;
  for (let i = 0; i < SETTINGS.startupRuns; i++) {
    const run = await startOnce(SECMOCK_CLI, (port) => secmockArgs(port), uncappedEnv(), i === 0);
    first ??= run;
    runsMs.push(run.ms);
  }
  if (!first) throw new Error('no start-up run');
  const answer = answerOf('list', PROBE, first.response);
  const answersFile = join(scratch, 'startup-answers.json');
  writeAnswers(answersFile, [answer]);
  const baseline = join(__dirname, 'baseline-server.js');
  const expressRunsMs: number[] = [];
  for (let i = 0; i < SETTINGS.startupRuns; i++)
    expressRunsMs.push((await startOnce(baseline, (port) => ['express', port, answersFile], {}, false)).ms);
  return {
    secmock: times(runsMs, ['node', relative(SECMOCK_CLI), ...secmockArgs('<p>')]),
    express: times(expressRunsMs, ['node', relative(baseline), 'express', '<p>', '<secmock-answers.json>']),
    probe: FIRST_ANSWER.text,
    specs: first.specs,
    answerBytes: answer.body.length,
  };
}

function times(runsMs: number[], command: string[]): StartupTimes {
  return { medianMs: median(runsMs), runsMs, command: command.join(' ') };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** One spawn, timed to the end of the first 200 answer; `inspect` also reads which specs are served. */
async function startOnce(
  script: string,
  args: (port: string) => string[],
  env: NodeJS.ProcessEnv,
  inspect: boolean,
) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNode(script, args(String(port)), env);
  try {
    const response = await waitUntilOk(`${url}${PROBE.path}`, PROBE.headers, child, 30_000);
    const bytes = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    let specs: string[] = [];
    if (inspect) {
      const health = (await (await fetch(`${url}/__secmock/health`)).json()) as {
        specs?: Array<{ id: string }>;
      };
      specs = (health.specs ?? []).map((s) => s.id);
      const bundled = readdirSync(join(ROOT, 'specs')).filter((f) => f.endsWith('.yaml')).length;
      if (specs.length !== bundled)
        throw new Error(
          `secmock serve served ${specs.length} specs, not all ${bundled}: ${specs.join(', ')}`,
        );
    }
    return { ms, specs, response: Object.assign(response, { bytes }) };
  } finally {
    await stopChild(child);
  }
}
