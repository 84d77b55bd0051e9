/** secmock's library interface: the mock as an Express app or a server, the verifier, the spec model. */
export { createMockApp, type MockApp, type MockAppOptions } from './server';
export { startMock, type RunningMock, type ServeOptions } from './server';
export { verify, type VerifyOptions, type VerifyResult } from './contract';
export type { Finding, RunEvent, Summary, TestCase, CaseResponse } from './contract';
export { loadSpecs, inspectSpec, SpecLoadError, type SpecModel, type Operation } from './openapi';
export type { Behaviour, BehaviourContext, SeedContext, SeedGenerator, VendorModule } from './mock';
export { DEFAULT_LIMITS, type MockLimits, MockOptionsError } from './mock';
export { BUILTIN_VENDORS } from './vendors';
export type { PlainRequest, PlainResponse } from './http';

export { TOOL_VERSION as version } from './contract';
