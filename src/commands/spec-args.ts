import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLED_SPECS_DIR, listSpecFiles, nearMissHint, specFileOfId, specIdsIn } from '../openapi';
import { InputError } from './input-error';

/**
 * The spec files named on the command line (`-s` of serve and verify, lint's arguments). Each entry is a
 * spec file, a directory of specs, or the id of a bundled spec (`manageengine-incidents`), so that an
 * installed package is usable without knowing where npm put its specs/. Undefined when none is named: the
 * command then takes every bundled spec.
 */
export function resolveSpecArgs(
  entries: readonly string[] | undefined,
  flag: string,
  bundledDir: string = BUNDLED_SPECS_DIR,
): string[] | undefined {
  if (!entries?.length) return undefined;
  return entries.flatMap((entry) => resolveSpecArg(entry, flag, bundledDir));
}

function resolveSpecArg(entry: string, flag: string, bundledDir: string): string[] {
  if (existsSync(entry)) {
    if (!statSync(entry).isDirectory()) return [resolve(entry)];
    const files = listSpecFiles(resolve(entry));
    if (files.length === 0)
      throw new InputError(`${flag} ${entry}: the directory holds no spec (*.yaml, *.yml, *.json)`);
    return files;
  }
  const bundled = specFileOfId(entry, bundledDir);
  if (bundled) return [bundled];
  const ids = specIdsIn(bundledDir);
  throw new InputError(
    `${flag} ${entry}: neither a spec file nor the id of a bundled spec${nearMissHint(entry, ids, 'bundled spec ids')}`,
  );
}
