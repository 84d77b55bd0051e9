import { NAME_INDEX } from '../../src/vendors/manageengine-incidents/seed/incidents';
import { CACHE_LIMIT } from '../../src/mock/services/documented-responses';
import { handleRequest } from '../../src/mock/handle';
import { laceworkJwt, ME, mockOf, WINDOW } from './helpers/vendor-mock';

/**
 * What the mock keeps besides the vendor data stays bounded however long it runs: sessions, name indexes,
 * issued credentials, the request log and the answer caches. (The soak, `npm run soak`, measures the
 * memory of a long run; these pin each bound.)
 */
describe('bookkeeping stays flat over a long run', () => {
  it('Lacework logins keep at most as many sessions as valid session JWTs, and the newest works', async () => {
    const { app, http } = await mockOf('lacework', { limits: { maxIssuedCredentials: 5 } });
    let latest = { authorization: '' };
    for (let i = 0; i < 30; i++) latest = await laceworkJwt(http);
    expect(app.mock.store.collection('sessions').size).toBeLessThanOrEqual(5);
    expect((await http.get('/api/v1/users').set(latest)).status).toBe(200);
  });

  it('ManageEngine incidents created and deleted leave the name index as it was', async () => {
    const { app, http } = await mockOf('manageEngine');
    const index = () => app.mock.store.collection(NAME_INDEX).size;
    const before = index();
    for (let i = 0; i < 25; i++) {
      const created = await http
        .post('/api/v2/incident')
        .set(ME)
        .send({ name: `churn ${i}`, severity: 'attention' });
      expect(created.status).toBe(200);
      const id = created.body.data.incident_id as number;
      // A rename frees the old name too.
      const renamed = await http
        .put('/api/v2/incident')
        .set(ME)
        .send({ incident_id: id, name: `renamed ${i}` });
      expect(renamed.status).toBe(200);
      expect(
        (
          await http
            .delete('/api/v2/incident')
            .set(ME)
            .send({ incident_ids: [id] })
        ).status,
      ).toBe(200);
    }
    expect(index()).toBe(before);
  });
});

describe('issued credentials, request log and caches stay at their size', () => {
  it('Lacework logins beyond the limit expire the oldest session: 401 {message}', async () => {
    const { http } = await mockOf('lacework', { limits: { maxIssuedCredentials: 3 } });
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await laceworkJwt(http));
    const oldest = await http.get('/api/v1/users').set(sessions[0]);
    expect(oldest.status).toBe(401);
    expect(typeof oldest.body.message).toBe('string');
    for (const session of sessions.slice(1))
      expect((await http.get('/api/v1/users').set(session)).status).toBe(200);
  });

  it('Lacework: the request log keeps its size', async () => {
    const { http } = await mockOf('lacework', { requestLogSize: 10 });
    const auth = await laceworkJwt(http);
    for (let i = 0; i < 24; i++)
      expect((await http.get(`/api/v1/qs/view-${i}${WINDOW}`).set(auth)).status).toBe(200);
    const log = (await http.get('/__secmock/requests')).body.requests as Array<{ seq: number; path: string }>;
    expect(log).toHaveLength(10);
    expect(log.at(-1)).toMatchObject({ seq: 25, path: '/api/v1/qs/view-23', status: 200 });
  });

  it('Lacework: thousands of distinct generated answers do not grow the caches past their caps', async () => {
    const { app, http } = await mockOf('lacework');
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
