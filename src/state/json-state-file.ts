import { readFileSync } from 'node:fs';
import { StateFileError } from './state-file-error';
import type { StoreSnapshot } from './store';

/**
 * The JSON state file secmock wrote before its SQLite one (the whole store, rewritten after each burst of
 * changes), read once to migrate it (see migrate-json.ts).
 */
interface JsonStateFile {
  format: 'secmock-state';
  version: 1;
  savedAt: string;
  seed: number;
  store: StoreSnapshot;
}

export function readJsonStateFile(path: string): StoreSnapshot {
  let content: JsonStateFile;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as JsonStateFile;
  } catch (error) {
    throw new StateFileError(
      `--state-file ${path}: the JSON state file is unreadable (${(error as Error).message}); fix or delete ` +
        'it, or start with --reset-state to replace it with the fixtures',
    );
  }
  if (
    content?.format !== 'secmock-state' ||
    content.version !== 1 ||
    typeof content.store?.collections !== 'object'
  ) {
    throw new StateFileError(
      `--state-file ${path}: this JSON file is not a secmock state file; point --state-file at another ` +
        'file, or start with --reset-state to replace it with the fixtures',
    );
  }
  return content.store;
}
