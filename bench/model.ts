import type { SETTINGS } from './config';
import type { LoadResult } from './load';
import type { BenchRequest } from './requests';
import type { StartupResult } from './startup';
import type { LoopResult } from './verifier-loop';

/** What one bench run found, as the console table, the goals and results.md read it. */
export interface Row {
  target: string;
  request: BenchRequest['id'];
  result: LoadResult;
  rssMb?: number;
}

export interface TargetInfo {
  name: string;
  command: string;
  readyMs: number;
}

export interface BenchReport {
  date: string;
  node: string;
  cpu: string;
  settings: typeof SETTINGS;
  rows: Row[];
  targets: TargetInfo[];
  requests: BenchRequest[];
  startup: StartupResult;
  loop: LoopResult;
  /** secmock's RSS once started, before any load. */
  idleRssMb?: number;
  /** 1-minute load average when the bench started: other work on the machine skews every row. */
  loadAverage: number;
  benchSeconds: number;
}

const isBaseline = (target: string) => target === 'express' || target === 'node:http';

/** Throughput of this row over another target's on the same request (the baselines: on any request). */
export function ratio(rows: Row[], row: Row, target: string): number | undefined {
  const other = rows.find((r) => r.target === target && (r.request === row.request || isBaseline(target)));
  return other && other.result.requestsPerSecond > 0
    ? row.result.requestsPerSecond / other.result.requestsPerSecond
    : undefined;
}
