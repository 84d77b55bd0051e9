import request from 'supertest';
import { createMockApp, type MockAppOptions } from '../../../src/server/app';
import { loadSpecs, type SpecModel } from '../../../src/openapi';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/** A vendor spec's mock in-process (each spec loaded once per test file), and its default credentials. */
export const AKTO = authHeaders(VENDOR_SPECS.aktoIntegrations);
export const ME = authHeaders(VENDOR_SPECS.manageEngine);
/** A time window for Lacework's QS views, which require one. */
export const WINDOW = '?start_time=1757340000000&end_time=1757440000000';
const loaded = new Map<string, SpecModel>();

export async function mockOf(name: keyof typeof VENDOR_SPECS, options: MockAppOptions = {}) {
  if (!loaded.has(name)) loaded.set(name, (await loadSpecs([VENDOR_SPECS[name]], { examples: false }))[0]);
  const app = await createMockApp({ specs: [loaded.get(name) as SpecModel], ...options });
  return { app, http: request(app) };
}

/** A Lacework session: the JWT token_login answers for the default API token. */
export async function laceworkJwt(http: ReturnType<typeof request>): Promise<{ authorization: string }> {
  const login = await http
    .get('/api/v1/token_login?account=example')
    .set(authHeaders(VENDOR_SPECS.lacework, { scheme: 'laceworkApiToken' }));
  expect(login.status).toBe(200);
  return { authorization: `Bearer ${String(login.body.token)}` };
}
