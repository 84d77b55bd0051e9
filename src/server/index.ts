/** The Express edge and the composition root of the mock (the only express import). */
export { type RunningMock, type ServeOptions, startMock } from './serve';
export { createMockApp, type MockApp, type MockAppOptions } from './app';
