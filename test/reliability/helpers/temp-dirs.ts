import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh directory under the OS temp dir; removeTempDirs() (in afterAll) deletes it. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `secmock-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
