/**
 * The mock engine's one face: what server/ builds and calls, and the plugin API vendor modules are written
 * against (plugin.ts). The engine knows no vendor; modules are handed in by the composition root.
 */
export { ADMIN_PREFIX, isAdminPath } from './admin';
export { isTrustedAdminOrigin } from './admin-access';
export { behaviourProblems } from './bind';
export { readLocation } from '../openapi';
export { MASK } from './crud/secrets';
export type { ResourceRuntime } from './crud/resources';
export type { TemplateScope } from '../openapi';
export { BUNDLED_SEED_DIR, MockEngine } from './engine';
export { PREPARED_DIR, writePreparedWorld } from './prepared-world';
export { writeSeedCopy } from './seed/seed-file';
export { DEFAULT_LIMITS, type MockLimits, type MockOptions, MockOptionsError } from './options';
export { handleAndRecord, handleRequest, type HandledRequest } from './handle';
export { fail, ok, type Outcome } from './outcome';
export type {
  AdminContext,
  AdminRoute,
  Behaviour,
  BehaviourContext,
  ClockListener,
  CredentialControl,
  SeedContext,
  SeedGenerator,
  VendorModule,
} from './plugin';
export { formatTime, type MockClock } from './services/clock';
export type { RequestLogEntry } from './services/request-log';
export { isSessionName, SESSION_NAME_RULE } from './services/sessions';
