import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  migrateJsonStateFile,
  migratingPathOf,
  removeDatabaseFiles,
  removeJsonTemporaries,
} from './migrate-json';
import { failsAsStateFile, openDatabase } from './open-database';
import { loadSqliteDriver } from './sqlite-driver';
import { readSnapshot } from './state-db';
import { StateFileError } from './state-file-error';
import { StatePersister } from './state-persister';
import type { StoreSnapshot } from './store';

// Where it was declared before it had a file of its own.
export { StateFileError };

/**
 * `--state-file`: an SQLite database (see state-db.ts and docs/decisions/0014-sqlite-state.md) opened,
 * created or migrated from the older JSON file. Whatever it cannot use stops the start with a
 * StateFileError naming the file; nothing the user has is overwritten unless they said --reset-state.
 */
export interface StateFileOptions {
  /** Start from the fixtures: the file's content is replaced (never another program's database). */
  reset?: boolean;
  /** Noted in the file, for whoever reads it. */
  seed: number;
  /** Where a migration is reported. */
  info?: (message: string) => void;
}

export interface OpenedStateFile {
  /** What the file held, to restore; undefined for a new file or --reset-state. */
  saved: StoreSnapshot | undefined;
  persister: StatePersister;
}

export function openStateFile(path: string, options: StateFileOptions): OpenedStateFile {
  // First, so that a machine without the driver changes nothing on disk.
  const driver = loadSqliteDriver();
  ensureDirectory(path);
  // What a migration that was cut short left (the JSON it was converting is still in place), and what the
  // JSON writer of earlier versions left when it was killed.
  removeDatabaseFiles(migratingPathOf(path));
  removeJsonTemporaries(path);
  const found = sniff(path);
  if (found === 'missing') removeDatabaseFiles(path); // an orphaned -wal would otherwise be replayed
  if (found === 'json' && !options.reset) {
    const backup = failsAsStateFile(path, () => migrateJsonStateFile(driver, path, options.seed));
    options.info?.(`converted the JSON state file ${path} to SQLite; the JSON is kept as ${backup}`);
  } else if ((found === 'json' || found === 'other') && options.reset) removeDatabaseFiles(path);
  else if (found === 'other')
    throw new StateFileError(
      `--state-file ${path}: this file is neither a secmock state database nor a JSON state file; ` +
        'point --state-file at another file, or start with --reset-state to replace it',
    );
  const { db, created } = openDatabase(driver, path, options.seed, options.reset === true);
  try {
    const saved = options.reset || created ? undefined : failsAsStateFile(path, () => readSnapshot(db));
    return { saved, persister: new StatePersister(db, path) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The directory is created: `--state-file .secmock/state.db` works on a fresh checkout or CI runner. */
function ensureDirectory(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new StateFileError(
      `--state-file ${path}: cannot create its directory ${dirname(path)} (${(error as Error).message})`,
    );
  }
}

type Found = 'missing' | 'sqlite' | 'json' | 'other';

/** What the file is, from its first bytes: an SQLite header, JSON (today's `{`), or something else. */
function sniff(path: string): Found {
  if (!existsSync(path)) return 'missing';
  if (statSync(path).isDirectory())
    throw new StateFileError(`--state-file ${path}: this is a directory; give the path of a file in it`);
  const head = Buffer.alloc(16);
  const fd = failsAsStateFile(path, () => openSync(path, 'r'));
  const read = readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  // An empty file is a new database to SQLite (`touch state.db` is fine).
  if (read === 0 || head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  return head.toString('utf8').trimStart().startsWith('{') ? 'json' : 'other';
}
