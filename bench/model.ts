import type { AppResult } from './app';
import type { SETTINGS } from './config';
import type { LoadResult } from './load';
import type { BenchRequest } from './requests';
import type { StartupResult } from './startup';
import type { LoopResult } from './verifier-loop';

/** What one bench run found, as the console table, the goals and results.md read it. */
export interface Row {
  target: string;
  request: BenchRequest['id'];
  /** One request sent before the load: its status and the size of its body. */
  status: number;
  bodyBytes: number;
  result: LoadResult;
  rssMb?: number;
}

export interface TargetInfo {
  name: string;
  command: string;
  readyMs: number;
}

export interface MemoryResult {
  /** `secmock serve`, all specs, no heap cap: settled RSS a few seconds after its first answer. */
  idleRssMb?: number;
  settleS: number;
  /** The highest RSS of any secmock process after its rows of load, and which process that was. */
  loadRssMb?: number;
  loadTarget?: string;
}

/** The parts of the bench that can be run alone (`npm run bench -- --only startup,memory`). */
export const SECTIONS = ['startup', 'app', 'throughput', 'memory', 'prism', 'loop'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchReport {
  date: string;
  node: string;
  cpu: string;
  settings: typeof SETTINGS;
  sections: Section[];
  rows: Row[];
  targets: TargetInfo[];
  requests: BenchRequest[];
  startup?: StartupResult;
  app?: AppResult;
  memory?: MemoryResult;
  loop?: LoopResult;
  /** 1-minute load average when the bench started and when it ended: other work skews every row. */
  loadAverage: number;
  loadAverageEnd: number;
  benchSeconds: number;
}

/** Throughput of this row over another target's on the same request (the baselines answer the same bytes). */
export function ratio(rows: Row[], row: Row, target: string): number | undefined {
  const other = rows.find((r) => r.target === target && r.request === row.request);
  return other && other.result.requestsPerSecond > 0
    ? row.result.requestsPerSecond / other.result.requestsPerSecond
    : undefined;
}
