import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The specs shipped with secmock (specs/ next to src/ or dist/). */
export const BUNDLED_SPECS_DIR = resolve(__dirname, '..', '..', 'specs');

/** Every OpenAPI file of a directory, sorted so that output and routing are stable. */
export function listSpecFiles(dir: string = BUNDLED_SPECS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
