import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Store, StoreSnapshot } from './store';

/**
 * Persists the store so that a restart keeps what was created. Writes are atomic (a temporary file,
 * fsync, rename), so a crash mid-write leaves the previous complete state, never a truncated file.
 */
export class StateFileError extends Error {}

interface StateFileContent {
  format: 'secmock-state';
  version: 1;
  savedAt: string;
  seed: number;
  store: StoreSnapshot;
}

export function readStateFile(path: string): StoreSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  let content: StateFileContent;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as StateFileContent;
  } catch (error) {
    throw new StateFileError(
      `state file ${path} is unreadable (${(error as Error).message}); fix or delete it, or start with --reset-state`,
    );
  }
  if (
    content?.format !== 'secmock-state' ||
    content.version !== 1 ||
    typeof content.store?.collections !== 'object'
  ) {
    throw new StateFileError(
      `state file ${path} is not a secmock state file; fix or delete it, or start with --reset-state`,
    );
  }
  return content.store;
}

export function writeStateFile(path: string, seed: number, snapshot: StoreSnapshot): void {
  const content: StateFileContent = {
    format: 'secmock-state',
    version: 1,
    savedAt: new Date().toISOString(),
    seed,
    store: snapshot,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, JSON.stringify(content));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** Saves the store shortly after each burst of changes, and on demand (at shutdown). */
export class StatePersister {
  private timer: NodeJS.Timeout | undefined;
  private savedRevision = -1;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly path: string,
    private readonly store: Store,
    private readonly seed: number,
    private readonly delayMs = 50,
  ) {
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.store.revision === this.savedRevision) return;
    this.savedRevision = this.store.revision;
    writeStateFile(this.path, this.seed, this.store.snapshot());
  }

  close(): void {
    this.flush();
    this.unsubscribe();
  }
}
