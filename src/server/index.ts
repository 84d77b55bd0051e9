/** The Express edge and the composition root of the mock (the only express import). */
export { type RunningMock, type ServeOptions, startMock } from './serve';
export { createMockApp, type MockApp, type MockAppOptions } from './app';
export { type CorsSetting } from './cors';
export {
  LOG_FORMATS,
  LOG_LEVELS,
  type LogFormat,
  type LogLevel,
  type RequestLogOptions,
  type RequestLogRecord,
} from './request-logger';
