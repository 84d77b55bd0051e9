import { tinyMock, TINY_KEY } from '../helpers/mock';
import { BROKEN_SEED_DIR, TEST_SEED_DIR } from '../helpers/paths';

describe('admin API', () => {
  it('reports health and state, and reset goes back to the fixtures', async () => {
    const { http } = await tinyMock({ seedDir: TEST_SEED_DIR });
    const health = await http.get('/__secmock/health');
    expect(health.body).toMatchObject({
      status: 'ok',
      seed: 1,
      specs: [{ id: 'tiny-notes', operations: 5 }],
    });
    const before = (await http.get('/notes').set(TINY_KEY)).body;
    expect(before.total).toBe(12);

    const id = before.notes[0].id as string;
    await http.delete(`/notes/${id}`).set(TINY_KEY);
    await http.post('/notes').set(TINY_KEY).send({ title: 'new' });
    const state = await http.get('/__secmock/state');
    expect(state.body.collections.notes).toEqual({ count: 12, spec: 'tiny-notes' });
    expect((await http.get('/__secmock/state?collection=notes&limit=1')).body.items).toHaveLength(1);

    expect((await http.post('/__secmock/reset')).body).toEqual({ status: 'reset' });
    expect((await http.get('/notes').set(TINY_KEY)).body).toEqual(before);
  });

  it('logs recent requests with status and violations', async () => {
    const { http } = await tinyMock();
    await http.post('/notes').set(TINY_KEY).send({ body: 1 });
    await http.get('/notes').set(TINY_KEY);
    const log = (await http.get('/__secmock/requests')).body.requests;
    expect(log.map((e: { operationId: string; status: number }) => [e.operationId, e.status])).toEqual([
      ['createNote', 400],
      ['listNotes', 200],
    ]);
    expect(log[0].requestViolations).toEqual(['body.title: is required', 'body.body: must be string']);
  });

  it('applies a scenario once, then answers normally again', async () => {
    const { http } = await tinyMock();
    const added = await http
      .post('/__secmock/scenarios')
      .send({ operationId: 'listNotes', status: 401, body: { error: { message: 'forced' } } });
    expect(added.status).toBe(201);
    const forced = await http.get('/notes').set(TINY_KEY);
    expect([forced.status, forced.body]).toEqual([401, { error: { message: 'forced' } }]);
    expect((await http.get('/notes').set(TINY_KEY)).status).toBe(200);
  });

  it("keeps an 'always' scenario until reset and can delay answers", async () => {
    const { http } = await tinyMock();
    await http
      .post('/__secmock/scenarios')
      .send({ operationId: 'listNotes', status: 400, times: 'always', delayMs: 30 });
    for (let i = 0; i < 2; i++) expect((await http.get('/notes').set(TINY_KEY)).status).toBe(400);
    expect((await http.get('/__secmock/scenarios')).body.scenarios).toHaveLength(1);
    await http.post('/__secmock/reset');
    expect((await http.get('/notes').set(TINY_KEY)).status).toBe(200);
  });

  it('refuses a scenario that contradicts the spec, with the reason', async () => {
    const { http } = await tinyMock();
    const undocumented = await http
      .post('/__secmock/scenarios')
      .send({ operationId: 'listNotes', status: 418 });
    expect(undocumented.status).toBe(422);
    expect(undocumented.body.reasons).toEqual(['status 418 is not documented for listNotes']);
    const badBody = await http
      .post('/__secmock/scenarios')
      .send({ operationId: 'getNote', body: { title: 3 } });
    expect(badBody.body.reasons).toEqual([
      'body contradicts the spec: body.id: is required',
      'body contradicts the spec: body.pinned: is required',
      'body contradicts the spec: body.createdAt: is required',
      'body contradicts the spec: body.updatedAt: is required',
      'body contradicts the spec: body.title: must be string',
    ]);
    const unknown = await http.post('/__secmock/scenarios').send({ operationId: 'nothing' });
    expect(unknown.body.reasons).toEqual(["unknown operation 'nothing'"]);
  });

  it('exposes a violation of its own spec in a response header instead of staying silent', async () => {
    const warnings: string[] = [];
    const { http } = await tinyMock({
      seedDir: BROKEN_SEED_DIR,
      warn: (m) => warnings.push(m),
    });
    const response = await http.get('/notes').set(TINY_KEY);
    expect(response.headers['x-secmock-violations']).toBe(
      '2; body.notes[0].title: must be string | body.notes[1].title: must be string',
    );
    expect(warnings).toHaveLength(1);
    const log = (await http.get('/__secmock/requests')).body.requests;
    expect(log[0].responseViolations).toHaveLength(2);
  });

  it('answers only loopback peers unless an admin token is set, which it then requires', async () => {
    const open = await tinyMock({ adminToken: 'let-me-in' });
    expect((await open.http.get('/__secmock/health')).status).toBe(401);
    expect((await open.http.get('/__secmock/health').set('x-secmock-admin-token', 'let-me-in')).status).toBe(
      200,
    );
  });
});

describe('admin API exposure', () => {
  it('refuses a non-loopback peer when no admin token is set', async () => {
    const { app } = await tinyMock();
    const { handleRequest } = await import('../../src/mock/handle');
    const fromLan = await handleRequest(app.mock, {
      method: 'get',
      path: '/__secmock/state',
      query: {},
      headers: {},
      remoteAddress: '10.0.0.7',
    });
    expect(fromLan.status).toBe(403);
    const fromLoopback = await handleRequest(app.mock, {
      method: 'get',
      path: '/__secmock/state',
      query: {},
      headers: {},
      remoteAddress: '::1',
    });
    expect(fromLoopback.status).toBe(200);
  });
});
