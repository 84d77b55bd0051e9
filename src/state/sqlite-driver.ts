import type BetterSqlite3 from 'better-sqlite3';
import { StateFileError } from './state-file-error';

/**
 * better-sqlite3 is an optional dependency (a native module that some machines cannot build), loaded only
 * when `--state-file` is used: the in-memory default never pays for it, and never fails for lack of it.
 */
export type Database = BetterSqlite3.Database;
export type Driver = typeof BetterSqlite3;

let loaded: Driver | undefined;

/** Loads the driver once; `load` stands in for `require` in tests. */
export function loadSqliteDriver(load: (name: string) => unknown = require): Driver {
  if (loaded && load === require) return loaded;
  let driver: Driver;
  try {
    driver = load('better-sqlite3') as Driver;
  } catch (error) {
    throw new StateFileError(
      `--state-file needs the optional package better-sqlite3, which could not be loaded ` +
        `(${firstLine(error)}). Install it with \`npm install better-sqlite3@12\` (it builds a native ` +
        `module where no prebuilt one fits: Python and a C++ compiler are needed), or run without --state-file`,
    );
  }
  if (load === require) loaded = driver;
  return driver;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
