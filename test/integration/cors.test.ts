import { tinyMock, TINY_KEY } from '../helpers/mock';
import { TEST_SEED_DIR } from '../helpers/paths';

const APP_ORIGIN = 'http://localhost:5173';

describe('CORS for browser apps', () => {
  it('echoes the Origin with credentials allowed and exposes the headers a page needs', async () => {
    const { http } = await tinyMock({ seedDir: TEST_SEED_DIR });
    const answer = await http.get('/notes').set(TINY_KEY).set('Origin', APP_ORIGIN);
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    expect(answer.headers.vary).toMatch(/Origin/);
    const exposed = answer.headers['access-control-expose-headers'].split(',');
    expect(exposed).toEqual(
      expect.arrayContaining(['x-secmock-violations', 'x-secmock-operation', 'retry-after', 'location']),
    );
  });

  it('answers a preflight with the asked method and headers, cached, and Private Network Access', async () => {
    const { http } = await tinyMock();
    const preflight = await http
      .options('/notes')
      .set('Origin', 'https://dashboard.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'x-api-key,content-type')
      .set('Access-Control-Request-Private-Network', 'true');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://dashboard.example.com');
    expect(preflight.headers['access-control-allow-headers']).toBe('x-api-key,content-type');
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(Number(preflight.headers['access-control-max-age'])).toBeGreaterThanOrEqual(600);
    expect(preflight.headers['access-control-allow-private-network']).toBe('true');
  });

  it('answers only the listed origins when restricted', async () => {
    const { http } = await tinyMock({ cors: { origins: [APP_ORIGIN] } });
    const listed = await http.get('/notes').set(TINY_KEY).set('Origin', APP_ORIGIN);
    expect(listed.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    const other = await http.get('/notes').set(TINY_KEY).set('Origin', 'http://localhost:3000');
    expect(other.status).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(other.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('sends no CORS header at all when turned off, and a preflight is then a method the API lacks', async () => {
    const { http } = await tinyMock({ cors: false });
    const answer = await http.get('/notes').set(TINY_KEY).set('Origin', APP_ORIGIN);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const preflight = await http
      .options('/notes')
      .set('Origin', APP_ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(405);
  });
});

describe('the admin API is safe from other pages', () => {
  it("answers the mock's own console and loopback pages", async () => {
    const { http } = await tinyMock();
    for (const origin of [APP_ORIGIN, 'http://127.0.0.1:8080', 'http://app.localhost:3000']) {
      const health = await http.get('/__secmock/health').set('Origin', origin);
      expect([origin, health.status]).toEqual([origin, 200]);
      expect(health.headers['access-control-allow-origin']).toBe(origin);
    }
    const console = await http
      .get('/__secmock/health')
      .set('Host', 'localhost:4010')
      .set('Origin', 'http://localhost:4010');
    expect(console.status).toBe(200);
  });

  it('refuses a page from another site, before doing anything, and gives it no CORS grant', async () => {
    const { http } = await tinyMock({ seedDir: TEST_SEED_DIR });
    const before = (await http.get('/__secmock/state')).body.collections;
    await http.post('/notes').set(TINY_KEY).send({ title: 'kept' });
    // A form post or text/plain fetch needs no preflight: the Origin check is what stops it.
    const reset = await http
      .post('/__secmock/reset')
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'text/plain')
      .send('{}');
    expect(reset.status).toBe(403);
    expect(reset.body.error).toMatch(/https:\/\/evil\.example/);
    expect(reset.headers['access-control-allow-origin']).toBeUndefined();
    expect((await http.get('/__secmock/state')).body.collections.notes.count).toBe(before.notes.count + 1);
    const preflight = await http
      .options('/__secmock/scenarios')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    for (const origin of ['null', 'file://', 'http://192.168.1.20:3000'])
      expect([origin, (await http.get('/__secmock/state').set('Origin', origin)).status]).toEqual([
        origin,
        403,
      ]);
  });

  it('refuses a Host that is a DNS name other than loopback (DNS rebinding), unless told to answer it', async () => {
    const { http } = await tinyMock();
    const rebound = await http.post('/__secmock/reset').set('Host', 'attacker.example:4010');
    expect(rebound.status).toBe(403);
    expect(rebound.body.error).toMatch(/attacker\.example/);
    for (const host of ['localhost:4010', '127.0.0.1', '[::1]:4010', 'dev.localhost'])
      expect([host, (await http.get('/__secmock/health').set('Host', host)).status]).toEqual([host, 200]);
    const named = await tinyMock({ adminHosts: ['devbox.lan'] });
    expect((await named.http.get('/__secmock/health').set('Host', 'devbox.lan:4010')).status).toBe(200);
    expect((await named.http.get('/__secmock/health').set('Host', 'other.lan:4010')).status).toBe(403);
  });

  it('with an admin token, answers whoever sends it whatever the Host', async () => {
    const { http } = await tinyMock({ adminToken: 'let-me-in' });
    const remote = await http
      .get('/__secmock/health')
      .set('Host', 'mock.ci.internal:4010')
      .set('x-secmock-admin-token', 'let-me-in');
    expect(remote.status).toBe(200);
    expect((await http.get('/__secmock/health').set('Host', 'mock.ci.internal:4010')).status).toBe(401);
  });

  it('does not apply the admin rules to the vendor APIs: any page may call those', async () => {
    const { http } = await tinyMock();
    const answer = await http
      .get('/notes')
      .set(TINY_KEY)
      .set('Host', 'mock.ci.internal:4010')
      .set('Origin', 'https://evil.example');
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://evil.example');
  });
});
