import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freezeSnapshot, type StoreSnapshot } from '../state';
import type { VendorModule } from './plugin';
import type { SeedFile } from './seed/seed-file';

/**
 * The seeded world is a pure function of the specs, the seed files, the vendor modules' generators, the seed
 * and the clock's start. Building it is most of a start-up (5,000 threat events, the Lacework directory), so
 * it is built once: the build writes the default world next to the compiled code, and a process keeps the
 * worlds it built, frozen, for the next engine with the same inputs to share copy-on-write.
 *
 * The build's worlds sit in dist/prepared, found from the compiled file's own folder: code run from the
 * TypeScript sources (the tests) finds none there, so a stale build never stands in for changed generators.
 */
export const PREPARED_DIR = join(__dirname, '..', 'prepared');

export interface WorldInputs {
  seed: number;
  clockStart: number;
  credentials: unknown;
  /** The bounds: seeding issues credentials, as many as maxIssuedCredentials allows. */
  limits: unknown;
  seeds: readonly SeedFile[];
  specs: ReadonlyArray<{ id: string; contentHash?: string }>;
  modules: readonly VendorModule[];
}

/** Worlds this process built, newest last; a few at most, they are large. */
const built = new Map<string, StoreSnapshot>();
const MAX_KEPT = 4;
const moduleIds = new WeakMap<VendorModule, number>();
let nextModuleId = 1;

/**
 * The key of a world's inputs: by content for files and by identity for modules (two modules of one id may
 * generate differently). Undefined when a spec was not loaded from a file, so its content is unknown.
 */
export function worldKey(inputs: WorldInputs, byIdentity: boolean): string | undefined {
  if (inputs.specs.some((spec) => spec.contentHash === undefined)) return undefined;
  const modules = inputs.modules.map((module) => {
    if (!byIdentity) return module.id;
    if (!moduleIds.has(module)) moduleIds.set(module, nextModuleId++);
    return `${module.id}#${moduleIds.get(module)}`;
  });
  const identity = JSON.stringify({
    seed: inputs.seed,
    clockStart: inputs.clockStart,
    credentials: inputs.credentials ?? null,
    limits: inputs.limits,
    specs: inputs.specs.map((spec) => [spec.id, spec.contentHash]),
    seeds: inputs.seeds.map((seed) => [seed.spec.id, seed.contentHash]),
    modules,
  });
  return createHash('sha1').update(identity).digest('hex');
}

/** A world built earlier in this process for the same inputs, else undefined. */
export function builtWorld(key: string): StoreSnapshot | undefined {
  const world = built.get(key);
  if (world) {
    built.delete(key);
    built.set(key, world);
  }
  return world;
}

/** Keeps a world this process built (frozen: engines share it and never change it). */
export function keepWorld(key: string, world: StoreSnapshot): StoreSnapshot {
  built.set(key, freezeSnapshot(world));
  while (built.size > MAX_KEPT) built.delete(built.keys().next().value as string);
  return world;
}

/** The world the build prepared for these inputs, if there is one, frozen. */
export function preparedWorld(key: string): StoreSnapshot | undefined {
  const file = join(PREPARED_DIR, `${key}.json`);
  if (!existsSync(file)) return undefined;
  return freezeSnapshot(JSON.parse(readFileSync(file, 'utf8')) as StoreSnapshot);
}

/** Writes a world for preparedWorld to find (the build does, for the default options). */
export function writePreparedWorld(key: string, world: StoreSnapshot, dir = PREPARED_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${key}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(world));
  renameSync(`${file}.tmp`, file);
  return file;
}
