import { readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';

/** The specs shipped with secmock (specs/ next to src/ or dist/). */
export const BUNDLED_SPECS_DIR = resolve(__dirname, '..', '..', 'specs');

/** Every OpenAPI file of a directory, sorted so that output and routing are stable. */
export function listSpecFiles(dir: string = BUNDLED_SPECS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** A spec's id: its file's name without the extension (`specs/manageengine-incidents.yaml`). */
export function specIdOf(file: string): string {
  return basename(file, extname(file));
}

/** The ids of the specs in a folder. */
export function specIdsIn(dir: string = BUNDLED_SPECS_DIR): string[] {
  return listSpecFiles(dir).map(specIdOf);
}

/** The file of the spec with this id in the folder (a bundled spec by default), if there is one. */
export function specFileOfId(id: string, dir: string = BUNDLED_SPECS_DIR): string | undefined {
  return listSpecFiles(dir).find((file) => specIdOf(file) === id);
}
