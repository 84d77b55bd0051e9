import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * The CLI as the build ships it for a fast start (docs/decisions/0016-bundled-cli-with-code-cache.md): one
 * file that esbuild made of dist/cli.js and every module it loads, and V8's compiled code for that file,
 * saved after a warm-up run. A start then reads two files instead of resolving, reading and compiling some
 * 600 modules, which was half of it.
 */
export const BUNDLE_FILE = 'cli.js';
export const CODE_CACHE_FILE = 'cli.js.v8-code-cache';

/** What the bundled cli.js exports (src/cli.ts). */
export interface CliModule {
  main(): void;
}

export interface LoadedBundle {
  cli: CliModule;
  /** The compiled script, for the build to save its code once warmed up. */
  script: Script;
  /** True when a saved code cache was there but did not fit this node (another V8 or other V8 flags). */
  cacheRejected: boolean;
}

type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: { exports: unknown },
  filename: string,
  dirname: string,
) => void;

/**
 * Compiles the bundle in `dir` as Node compiles a CommonJS file, with the saved code when V8 accepts it,
 * and runs its top level. Undefined when the build made no bundle (a build that stopped at tsc).
 */
export function loadBundle(dir: string, options: { useCodeCache?: boolean } = {}): LoadedBundle | undefined {
  const file = join(dir, BUNDLE_FILE);
  if (!existsSync(file)) return undefined;
  const cacheFile = join(dir, CODE_CACHE_FILE);
  const cachedData =
    options.useCodeCache !== false && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // Node's own module wrapper; the shebang becomes a comment so that line numbers stay those of the file.
  const source = readFileSync(file, 'utf8').replace(/^#!/, '//');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as ModuleWrapper;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    cli: module.exports as CliModule,
    script,
    cacheRejected: cachedData !== undefined && script.cachedDataRejected === true,
  };
}
