/** secmock's library interface: the mock as an Express app or a server, the verifier, the spec model. */
export { createMockApp, type MockApp, type MockAppOptions } from './server/app';
export { startMock, type RunningMock, type ServeOptions } from './server/serve';
export { verify, type VerifyOptions, type VerifyResult } from './contract/verify';
export type { Finding, RunEvent, Summary, TestCase, CaseResponse } from './contract/types';
export { loadSpecs, inspectSpec, SpecLoadError, type SpecModel, type Operation } from './openapi';
export type { Behaviour, BehaviourContext, SeedContext, SeedGenerator, VendorModule } from './mock';
export { BUILTIN_VENDORS } from './vendors';
export type { PlainRequest, PlainResponse } from './http/types';

export const version = '0.1.0';
