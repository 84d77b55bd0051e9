import { performance } from 'node:perf_hooks';
import type * as Secmock from '../src/index';
import { SECMOCK_LIBRARY } from './config';

export interface LoopResult {
  ms: number;
  cases: number;
  operations: number;
  failedCases: number;
}

/**
 * The loop test's work, timed: the verifier against an in-process mock, all four specs in one run. The
 * library is the built dist/ (the src types only check this file), so its bundled specs and fixtures resolve.
 */
export async function timeVerifierLoop(): Promise<LoopResult> {
  const secmock = (await import(SECMOCK_LIBRARY)) as typeof Secmock;
  const mock = await secmock.startMock({ port: 0 });
  try {
    const started = performance.now();
    const { summary } = await secmock.verify({ baseUrl: mock.url });
    return {
      ms: performance.now() - started,
      cases: summary.cases,
      operations: summary.operations,
      failedCases: summary.failedCases,
    };
  } finally {
    await mock.close();
  }
}
