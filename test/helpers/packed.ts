import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const run = promisify(execFile);

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [field: string]: unknown;
}

interface Manifest {
  name: string;
  version: string;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * npm without the variables `npm test` sets for its own run: they describe this repository (npm_package_*,
 * npm_config_local_prefix would point an inner npm at it), not the app. The cache stays: it is where the
 * offline install reads from.
 */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_cache$/i.test(key)),
  );
}

/** `npm pack` of the built repository (pretest builds dist/) into `dir`; the tarball's path and integrity. */
export async function packRepository(dir: string): Promise<{ tarball: string; integrity: string }> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    env: npmEnv(),
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; integrity: string }>;
  return { tarball: join(dir, packed.filename), integrity: packed.integrity };
}

/**
 * An empty app that depends on the tarball, with a lockfile that pins secmock's runtime dependencies as the
 * repository's lockfile does. `npm ci --offline` then installs from the tarball and npm's cache alone (a
 * fresh `npm install` would need the registry's metadata, which the cache does not keep). Dev-only
 * packages are left out, so a runtime import of one fails the install check as it would for a user.
 */
export function writeApp(dir: string, tarball: string, integrity: string): void {
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const dependencies = { [manifest.name]: `file:${tarball}` };
  const packages: Record<string, unknown> = {
    '': { name: 'secmock-install-check', version: '0.0.0', dependencies },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:${tarball}`,
      integrity,
      license: manifest.license,
      bin: manifest.bin,
      engines: manifest.engines,
      dependencies: manifest.dependencies,
      optionalDependencies: manifest.optionalDependencies,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev) continue;
    // Needed by dev tools or by optional packages: without the dev tools, only optional ones remain.
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  const app = { name: 'secmock-install-check', version: '0.0.0', private: true, dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(app, null, 2));
  const appLock = { ...app, lockfileVersion: 3, requires: true, packages };
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(appLock, null, 2));
}

/** Installs the app offline, without optional packages (better-sqlite3 compiles from source for minutes). */
export async function installApp(dir: string): Promise<void> {
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--omit=optional'], {
    cwd: dir,
    env: npmEnv(),
  });
}
