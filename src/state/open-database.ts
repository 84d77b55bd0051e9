import { removeDatabaseFiles } from './migrate-json';
import type { Database, Driver } from './sqlite-driver';
import { createSchema, identify, noteSeed, SCHEMA_VERSION } from './state-db';
import { StateFileError } from './state-file-error';

/** Opening the SQLite state file: what it holds decides whether it is used, created, replaced or refused. */
export interface Opened {
  db: Database;
  /** The file was new (or empty): it holds nothing to restore. */
  created: boolean;
}

/** Opens the database in WAL mode, creating its tables when it is new. */
export function openDatabase(driver: Driver, path: string, seed: number, reset: boolean): Opened {
  try {
    return openAs(driver, path, seed, true);
  } catch (error) {
    if (!(reset && error instanceof StateFileError && error.replaceable)) throw error;
    // --reset-state on a damaged file or one of another format version: a new file replaces it.
    removeDatabaseFiles(path);
    return openAs(driver, path, seed, false);
  }
}

function openAs(driver: Driver, path: string, seed: number, existing: boolean): Opened {
  const db = failsAsStateFile(path, () => new driver(path));
  try {
    const kind = existing ? failsAsStateFile(path, () => identify(db)) : ({ kind: 'empty' } as const);
    if (kind.kind === 'foreign')
      throw new StateFileError(
        `--state-file ${path}: this SQLite database is not secmock's (it has the tables ` +
          `${kind.tables.join(', ')}); point --state-file at another file (--reset-state does not replace it)`,
      );
    if (kind.kind === 'secmock' && kind.version !== SCHEMA_VERSION)
      throw new StateFileError(
        `--state-file ${path}: written in format version ${kind.version} by another secmock version ` +
          `(this one reads ${SCHEMA_VERSION}); use that version, or start with --reset-state to replace it`,
        true,
      );
    const created = kind.kind === 'empty';
    failsAsStateFile(path, () => prepare(db, created, seed));
    return { db, created };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * WAL: a commit appends to the log, so a kill mid-write never leaves a torn page in the file, and the
 * `sqlite3` CLI can read while secmock writes. NORMAL: a commit is in the operating system's hands when it
 * returns, so it survives the process dying at any moment (kill -9, a crash); only a power loss or an OS
 * crash may take back the last commits, never corrupting the file (0014 weighs FULL's cost against that).
 * Noting the seed is also the check that the file can be written.
 */
function prepare(db: Database, empty: boolean, seed: number): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal')
    throw new Error(`the file system does not allow SQLite's WAL mode (journal mode ${String(mode)})`);
  db.pragma('synchronous = NORMAL');
  if (empty) createSchema(db, seed);
  else noteSeed(db, seed);
}

/** Runs a step of opening the file; a failure becomes a StateFileError that names the file. */
export function failsAsStateFile<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof StateFileError) throw error;
    const code = (error as { code?: string }).code;
    throw new StateFileError(
      `--state-file ${path}: cannot be used (${code ? `${code}: ` : ''}${(error as Error).message}); ` +
        'fix or delete it, or start with --reset-state to replace it with the fixtures',
      code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === undefined,
    );
  }
}
