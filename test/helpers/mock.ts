import request from 'supertest';
import { loadSpecs, type SpecModel } from '../../src/openapi';
import { createMockApp, type MockApp, type MockAppOptions } from '../../src/server/app';
import { authHeaders } from './credentials';
import { TINY_SPEC } from './paths';

/** An in-process mock of the tiny notes spec, with no fixtures unless asked. */
export async function tinyMock(
  options: MockAppOptions = {},
): Promise<{ app: MockApp; http: ReturnType<typeof request> }> {
  const app = await createMockApp({ specs: [TINY_SPEC], seedDir: false, ...options });
  return { app, http: request(app) };
}

export const TINY_KEY = authHeaders(TINY_SPEC);

const loaded = new Map<string, SpecModel>();

/**
 * An in-process mock of one spec with its bundled fixtures. The spec is loaded once per test file (the large
 * ones take a while) and, as the server does, without re-checking its examples: the contract tests do that.
 */
export async function specMock(
  specFile: string,
  options: MockAppOptions = {},
): Promise<{ app: MockApp; http: ReturnType<typeof request> }> {
  let spec = loaded.get(specFile);
  if (!spec) {
    spec = (await loadSpecs([specFile], { examples: false }))[0];
    loaded.set(specFile, spec);
  }
  const app = await createMockApp({ specs: [spec], ...options });
  return { app, http: request(app) };
}

/** The mock's own answer satisfies the spec: its self-check added no violation header. */
export function expectClean(response: request.Response): void {
  expect(response.headers['x-secmock-violations']).toBeUndefined();
}
