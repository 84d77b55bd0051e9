import request from 'supertest';
import { createMockApp, type MockApp, type MockAppOptions } from '../../../src/server/app';
import { loadSpecs, type SpecModel } from '../../../src/openapi';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders, declaredCredential } from '../../helpers/credentials';
import { expectClean, specMock } from '../../helpers/mock';

export { expectClean };

/**
 * Shared set-up of the Lacework Edge behaviour tests: the spec with its bundled fixtures, over HTTP, logged
 * in with the default API token. The spec is loaded once per test file (it is large); each test starts from
 * the seeded state again (reset()).
 */
export const DEFAULT_API_TOKEN = declaredCredential(VENDOR_SPECS.lacework, { scheme: 'laceworkApiToken' });
export type Entity = Record<string, unknown>;
type Method = 'get' | 'post' | 'put' | 'delete';

export interface LaceworkMock {
  app: MockApp;
  http: ReturnType<typeof request>;
  /** Calls an operation with the session's JWT and checks the answer satisfies the spec. */
  call(method: Method, path: string, body?: unknown): Promise<request.Response>;
  /** Exchanges an API token for a session (the JWT is in `token`). */
  tokenLogin(apiToken?: string, account?: string): Promise<request.Response>;
  /** Back to the seeded state and a fresh session. */
  reset(): Promise<void>;
  /** Stored entities of a collection, secrets in clear (what HTTP never shows). */
  stored(resource: string): Entity[];
}

let loaded: SpecModel | undefined;

export async function laceworkMock(options: MockAppOptions = {}): Promise<LaceworkMock> {
  loaded ??= (await loadSpecs([VENDOR_SPECS.lacework]))[0];
  const app = await createMockApp({ specs: [loaded], ...options });
  const http = request(app);
  let jwt = '';
  const tokenLogin = (apiToken = DEFAULT_API_TOKEN, account = 'example') =>
    http.get('/api/v1/token_login').query({ account }).set('authorization', `Bearer ${apiToken}`);
  const mock: LaceworkMock = {
    app,
    http,
    async call(method, path, body) {
      let pending = http[method](path).set('authorization', `Bearer ${jwt}`);
      if (body !== undefined) pending = pending.send(body as object);
      const response = await pending;
      expectClean(response);
      return response;
    },
    tokenLogin,
    async reset() {
      app.mock.reset();
      const session = await tokenLogin();
      jwt = String(session.body.token);
    },
    stored: (resource) => app.mock.store.collection(resource).list(),
  };
  await mock.reset();
  return mock;
}

/**
 * A fresh mock with no session yet, for tests that log in themselves: they count what a login creates, or
 * need a session of a mock made with other options (a seed, limits, a body limit).
 */
export function bareLaceworkMock(options: MockAppOptions = {}) {
  return specMock(VENDOR_SPECS.lacework, options);
}

/** A Lacework session: the JWT token_login answers for the default API token. */
export async function laceworkJwt(http: ReturnType<typeof request>): Promise<{ authorization: string }> {
  const login = await http
    .get('/api/v1/token_login?account=example')
    .set(authHeaders(VENDOR_SPECS.lacework, { scheme: 'laceworkApiToken' }));
  expect(login.status).toBe(200);
  return { authorization: `Bearer ${String(login.body.token)}` };
}

/** A time window for the QS views, which require one. */
export const WINDOW = '?start_time=1757340000000&end_time=1757440000000';
