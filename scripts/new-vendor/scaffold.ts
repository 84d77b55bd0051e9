import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { camel, moduleTemplate, seedTemplate, specTemplate, titleOf } from './templates';

/**
 * Starts a vendor API: specs/<id>.yaml (a working annotated starter) and fixtures/seed/<id>.yaml, and with
 * `module` a vendor module folder registered in src/vendors/index.ts. Nothing existing is overwritten.
 */
export interface ScaffoldOptions {
  /** The repository root the files are written under. */
  root: string;
  id: string;
  module: boolean;
}

export class ScaffoldError extends Error {}

const SPEC_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const REGISTRY = join('src', 'vendors', 'index.ts');

/** Writes the files and returns their paths, relative to the root. */
export function scaffold(options: ScaffoldOptions): string[] {
  const { root, id } = options;
  if (!SPEC_ID.test(id))
    throw new ScaffoldError(`<spec-id> must be kebab-case (lower-case words joined by '-'); got '${id}'`);
  const files: Array<[string, string]> = [
    [join('specs', `${id}.yaml`), specTemplate(id, titleOf(id))],
    [join('fixtures', 'seed', `${id}.yaml`), seedTemplate(id)],
  ];
  if (options.module) files.push([join('src', 'vendors', id, 'index.ts'), moduleTemplate(id, camel(id))]);
  const taken = files.map(([path]) => path).filter((path) => existsSync(join(root, path)));
  if (taken.length > 0) throw new ScaffoldError(`already exists, nothing written: ${taken.join(', ')}`);
  const registry = options.module ? register(readFileSync(join(root, REGISTRY), 'utf8'), id) : undefined;
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  if (registry !== undefined) writeFileSync(join(root, REGISTRY), registry);
  return [...files.map(([path]) => path), ...(registry === undefined ? [] : [REGISTRY])].map((p) =>
    relative(root, join(root, p)),
  );
}

/** The registry with the module imported and listed (the one line a module needs, plus its import). */
export function register(registry: string, id: string): string {
  const name = camel(id);
  const lastImport = registry.lastIndexOf('\nimport ');
  const importEnd = registry.indexOf('\n', lastImport + 1);
  const listEnd = registry.indexOf('];', registry.indexOf('BUILTIN_VENDORS'));
  if (lastImport < 0 || listEnd < 0) throw new ScaffoldError(`cannot find the module list in ${REGISTRY}`);
  return (
    registry.slice(0, importEnd + 1) +
    `import { ${name} } from './${id}';\n` +
    registry.slice(importEnd + 1, listEnd) +
    `  ${name},\n` +
    registry.slice(listEnd)
  );
}
