import { CACHE_LIMIT } from '../../../src/mock/services/documented-responses';
import { handleRequest } from '../../../src/mock/handle';
import { bareLaceworkMock, laceworkJwt, WINDOW } from './helpers';

/**
 * What the Lacework Edge mock keeps besides the vendor data stays bounded however long it runs: sessions,
 * issued credentials, the request log and the answer caches. The QS views (`/api/v1/qs/{view}`) answer a body
 * generated for each view name, which is how these tests fill the caches. The soak, `npm run soak`, measures
 * the memory of a long run; these pin each bound.
 */
describe('bookkeeping stays flat over a long run', () => {
  it('Lacework logins keep at most as many sessions as valid session JWTs, and the newest works', async () => {
    const { app, http } = await bareLaceworkMock({ limits: { maxIssuedCredentials: 5 } });
    let latest = { authorization: '' };
    for (let i = 0; i < 30; i++) latest = await laceworkJwt(http);
    expect(app.mock.store.collection('sessions').size).toBeLessThanOrEqual(5);
    expect((await http.get('/api/v1/users').set(latest)).status).toBe(200);
  });
});

describe('issued credentials, request log and caches stay at their size', () => {
  it('Lacework logins beyond the limit expire the oldest session: 401 {message}', async () => {
    const { http } = await bareLaceworkMock({ limits: { maxIssuedCredentials: 3 } });
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await laceworkJwt(http));
    const oldest = await http.get('/api/v1/users').set(sessions[0]);
    expect(oldest.status).toBe(401);
    expect(typeof oldest.body.message).toBe('string');
    for (const session of sessions.slice(1))
      expect((await http.get('/api/v1/users').set(session)).status).toBe(200);
  });

  it('Lacework: the request log keeps its size', async () => {
    const { http } = await bareLaceworkMock({ requestLogSize: 10 });
    const auth = await laceworkJwt(http);
    for (let i = 0; i < 24; i++)
      expect((await http.get(`/api/v1/qs/view-${i}${WINDOW}`).set(auth)).status).toBe(200);
    const log = (await http.get('/__secmock/requests')).body.requests as Array<{ seq: number; path: string }>;
    expect(log).toHaveLength(10);
    expect(log.at(-1)).toMatchObject({ seq: 25, path: '/api/v1/qs/view-23', status: 200 });
  });

  it('Lacework: thousands of distinct generated answers do not grow the caches past their caps', async () => {
    const { app, http } = await bareLaceworkMock();
    const { authorization } = await laceworkJwt(http);
    const runtime = app.mock;
    // Straight through the pipeline: 6,000 HTTP round trips would only add time, not coverage.
    for (let i = 0; i < CACHE_LIMIT + 1_000; i++) {
      const response = await handleRequest(runtime, {
        method: 'get',
        path: `/api/v1/qs/view-${i}`,
        query: { start_time: '1757340000000', end_time: '1757440000000' },
        headers: { authorization },
      });
      expect(response.status).toBe(200);
      expect(runtime.documented.size).toBeLessThanOrEqual(CACHE_LIMIT);
    }
    expect(runtime.documented.size).toBeGreaterThan(0);
    // The read cache (answers reused until the next write) holds at most 2,000.
    expect(runtime.readCache.size).toBeLessThanOrEqual(2_000);
    expect(runtime.readCache.size).toBeGreaterThan(0);
  });
});
