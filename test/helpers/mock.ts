import request from 'supertest';
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
