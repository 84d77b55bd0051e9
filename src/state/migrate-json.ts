import {
  closeSync,
  copyFileSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readJsonStateFile } from './json-state-file';
import type { Driver } from './sqlite-driver';
import { createSchema, writeSnapshot } from './state-db';

/** Where a migrated JSON state file is kept: `state.json` -> `state.json.bak`, `state.db` -> `state.db.json.bak`. */
export function backupPathOf(path: string): string {
  return path.endsWith('.json') ? `${path}.bak` : `${path}.json.bak`;
}

/** The database a migration builds before it takes the state file's name. */
export function migratingPathOf(path: string): string {
  return `${path}.migrating`;
}

/**
 * Converts a JSON state file in place: the same path becomes the SQLite database (users keep passing the
 * same --state-file), the JSON is kept as a backup. Each step leaves a usable state if the process dies
 * there: the database is built under another name, the backup is a hard link (complete or absent), and a
 * rename makes the database the state file in one step; until then the JSON is still there and the next
 * start migrates again (removing what a cut-short migration left). Returns the backup's path.
 */
export function migrateJsonStateFile(driver: Driver, path: string, seed: number): string {
  const snapshot = readJsonStateFile(path);
  const building = migratingPathOf(path);
  removeDatabaseFiles(building);
  const db = new driver(building);
  try {
    createSchema(db, seed);
    db.transaction(() => writeSnapshot(db, snapshot))();
  } finally {
    db.close();
  }
  const backup = backupPathOf(path);
  rmSync(backup, { force: true });
  keepCopy(path, backup);
  renameSync(building, path);
  syncDirectory(dirname(path));
  return backup;
}

/** What the JSON writer left when it was killed mid-save (`state.json.<pid>.tmp`): never complete, never used. */
export function removeJsonTemporaries(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path)))
    if (name.startsWith(prefix) && /^\d+\.tmp$/.test(name.slice(prefix.length)))
      rmSync(join(dirname(path), name), { force: true });
}

/** A database file and the files SQLite keeps next to it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

function keepCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    // A file system without hard links: a copy, synced (a cut-short copy is redone by the next start).
    copyFileSync(from, to);
    const fd = openSync(to, 'r');
    fsyncSync(fd);
    closeSync(fd);
  }
}

/** Makes a rename in the directory durable. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
