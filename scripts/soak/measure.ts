import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** The resident set size of a process in MB: /proc/<pid>/status VmRSS on Linux, `ps` elsewhere. */
export function rssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/**
 * The median of a few samples a second apart: one sample can land just before or after a garbage collection,
 * which moves RSS by more than the growth being looked for.
 */
export async function settledRssMb(pid: number, samples = 7, intervalMs = 1_000): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    values.push(rssMb(pid));
    if (i < samples - 1) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** `3m`, `90s`, `500ms` or a number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: '${text}' (use e.g. 3m, 90s)`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}
