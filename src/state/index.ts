/** The mock's memory: a tiny store of collections and counters (no HTTP, no spec), and its state file. */
export { readStateFile, StateFileError, StatePersister } from './state-file';
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
