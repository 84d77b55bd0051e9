/** The mock's memory: a tiny store of collections and counters (no HTTP, no spec), and its state file. */
export type { StoreChanges } from './changes';
export { openStateFile, type OpenedStateFile, type StateFileOptions } from './state-file';
export { StateFileError } from './state-file-error';
export type { StatePersister } from './state-persister';
export {
  type Collection,
  type Entity,
  freezeSnapshot,
  keyOf,
  Store,
  type StoreBounds,
  StoreFullError,
  type StoreSnapshot,
} from './store';
