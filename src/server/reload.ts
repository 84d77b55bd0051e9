import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { MockEngine } from '../mock';
import { formatProblem, loadSpecs, SpecLoadError, type SpecModel } from '../openapi';
import { SchemaCompiler } from '../schema';
import type { Entity, StoreSnapshot } from '../state';

/**
 * A new engine built from changed specs and seed files, holding what the old store held that still fits the
 * new contract: an entity of a resource is kept when it validates against the resource's new schema, other
 * collections (issued credentials, sessions) and the clock are kept as they were. The new fixtures fill the
 * collections the old store did not have. Scenarios and the request log start afresh (they name operations
 * of the old contract).
 */
export function rebuildEngine(
  current: MockEngine,
  specs: SpecModel[],
): { engine: MockEngine; dropped: number } {
  const next = new MockEngine({ ...current.options, specs });
  const old = current.store.snapshot();
  const fresh = next.store.snapshot();
  const compiler = new SchemaCompiler();
  const collections: StoreSnapshot['collections'] = { ...fresh.collections };
  let dropped = 0;
  for (const [name, entries] of Object.entries(old.collections)) {
    const schema = next.resources.get(name)?.spec.schema;
    if (!schema) {
      collections[name] = entries;
      continue;
    }
    const fits = compiler.compile(schema, 'entity');
    const kept = entries.filter(([, entity]: [string, Entity]) => fits(entity).length === 0);
    dropped += entries.length - kept.length;
    collections[name] = kept;
  }
  next.restore({ version: 1, collections, counters: { ...fresh.counters, ...old.counters } });
  return { engine: next, dropped };
}

export interface ReloadReport {
  /** What changed, for the console. */
  message: string;
  /** The new engine, or undefined when the change did not load (the old one keeps serving). */
  engine?: MockEngine;
}

/** Loads the spec files again and rebuilds; a spec that no longer loads leaves the old engine serving. */
export async function reloadSpecs(current: MockEngine, files: readonly string[]): Promise<ReloadReport> {
  try {
    const specs = await loadSpecs(files, { examples: false });
    const { engine, dropped } = rebuildEngine(current, specs);
    const kept =
      dropped === 0
        ? 'the store kept everything'
        : `${dropped} stored entities no longer fit and were dropped`;
    return { engine, message: `reloaded ${files.length} spec(s); ${kept}` };
  } catch (error) {
    const reason =
      error instanceof SpecLoadError
        ? error.problems.map(formatProblem).join('\n  ')
        : error instanceof Error
          ? error.message
          : String(error);
    return { message: `the change does not load; still serving the previous version:\n  ${reason}` };
  }
}

/**
 * Watches the folders of the given files (editors replace a file rather than write it, which a watch on the
 * file itself would lose) and calls back once a burst of changes has settled.
 */
export function watchFiles(
  paths: readonly string[],
  onChange: () => void,
  settleMs = 150,
): { close(): void } {
  const byDir = new Map<string, Set<string>>();
  for (const path of paths.map((p) => resolve(p))) {
    const names = byDir.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    byDir.set(dirname(path), names);
  }
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [...byDir].map(([dir, names]) =>
    watch(dir, (_event, name) => {
      if (name !== null && !names.has(name) && !names.has('*')) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    }),
  );
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
