import { join } from 'node:path';
import { spawnNode } from '../scripts/processes';
import type { AppTimes } from './app-child';
import { SECMOCK_LIBRARY, SETTINGS, SPEC_FILES } from './config';
import { benchRequests } from './requests';
import { relative } from './servers';
import { median } from './startup';

export interface AppResult extends AppTimes {
  laterMedianMs: number;
  resetMedianMs: number;
  spec: string;
  command: string;
}

/**
 * Issue 17 item 2, in a fresh node process of its own (so that the first call pays for every module load, as
 * in a test process): `createMockApp({ specs: [<ManageEngine spec>] })` first and again, and `reset()`.
 */
export async function measureApp(): Promise<AppResult> {
  const create = benchRequests('0').find((r) => r.id === 'create');
  const script = join(__dirname, 'app-child.js');
  const args = [SECMOCK_LIBRARY, SPEC_FILES.manageEngine, String(SETTINGS.appRuns), JSON.stringify(create)];
  const child = spawnNode(script, args);
  let stdout = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await child.exited;
  const json = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !json.startsWith('{')) throw new Error(`app-child failed (${code}):\n${child.output()}`);
  const times = JSON.parse(json) as AppTimes;
  return {
    ...times,
    laterMedianMs: median(times.laterMs),
    resetMedianMs: median(times.resetMs),
    spec: relative(SPEC_FILES.manageEngine),
    command: ['node', relative(script), ...args.slice(0, 3).map(relative), '<create request>'].join(' '),
  };
}
