import request from 'supertest';
import { createMockApp } from '../../src/server/app';
import { loadSpecs, type SpecModel } from '../../src/openapi';
import { VENDOR_SPECS } from '../helpers/paths';
import { authHeaders } from '../helpers/credentials';

/** Issue 3's per-spec checks through HTTP: auth, validation, a round trip, determinism, reset. */
const specs = new Map<string, SpecModel>();
async function mockOf(name: keyof typeof VENDOR_SPECS, seed = 1) {
  if (!specs.has(name)) specs.set(name, (await loadSpecs([VENDOR_SPECS[name]]))[0]);
  const app = await createMockApp({ specs: [specs.get(name) as SpecModel], seed });
  return { app, http: request(app) };
}
const AKTO = authHeaders(VENDOR_SPECS.aktoIntegrations);
const ME = authHeaders(VENDOR_SPECS.manageEngine);
const expectClean = (response: request.Response) =>
  expect(response.headers['x-secmock-violations']).toBeUndefined();

async function laceworkJwt(http: ReturnType<typeof request>): Promise<{ authorization: string }> {
  const login = await http
    .get('/api/v1/token_login?account=example')
    .set(authHeaders(VENDOR_SPECS.lacework, { scheme: 'laceworkApiToken' }));
  return { authorization: `Bearer ${String(login.body.token)}` };
}

describe('Akto integrations', () => {
  it('refuses a missing key with 403 and the actionErrors envelope', async () => {
    const { http } = await mockOf('aktoIntegrations');
    const response = await http.post('/api/addCustomWebhook').send({});
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ actionErrors: ["Missing credentials: send the header 'x-api-key'."] });
  });

  it('lists every violation with its path in a 422 actionErrors envelope', async () => {
    const { http } = await mockOf('aktoIntegrations');
    const response = await http
      .post('/api/addCustomWebhook')
      .set(AKTO)
      .send({ url: 5, method: 'PATCH', frequencyInSeconds: 'hourly' });
    expect(response.status).toBe(422);
    expect(response.body.actionErrors).toEqual(
      expect.arrayContaining([
        'body.webhookName: is required',
        'body.url: must be string',
        'body.method: must be one of "GET", "POST"',
        'body.frequencyInSeconds: must be integer',
      ]),
    );
  });

  it('round trip: create, check, update a custom webhook; add and delete a Slack webhook (then it is gone)', async () => {
    const { http } = await mockOf('aktoIntegrations');
    const body = { webhookName: 'new-endpoints', url: 'https://hooks.example.com/a', method: 'POST' };
    const created = await http.post('/api/addCustomWebhook').set(AKTO).send(body);
    expect(created.status).toBe(200);
    expectClean(created);
    expect(
      (await http.post('/api/checkWebhook').set(AKTO).send({ webhookName: 'new-endpoints' })).body
        .webhookPresent,
    ).toBe(true);
    const stored = (await http.get('/__secmock/state?collection=customWebhooks')).body.items as Array<{
      id: number;
      url: string;
    }>;
    expect(stored).toHaveLength(1);
    const updated = await http
      .post('/api/updateCustomWebhook')
      .set(AKTO)
      .send({ ...body, id: stored[0].id, url: 'https://hooks.example.com/b' });
    expect(updated.status).toBe(200);
    expect((await http.get('/__secmock/state?collection=customWebhooks')).body.items[0].url).toBe(
      'https://hooks.example.com/b',
    );

    const slack = { webhookName: 'alerts', webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' };
    expect((await http.post('/api/addSlackWebhook').set(AKTO).send(slack)).status).toBe(200);
    expect(
      (await http.post('/api/deleteSlackWebhook').set(AKTO).send({ webhookName: 'alerts' })).status,
    ).toBe(200);
    const again = await http.post('/api/deleteSlackWebhook').set(AKTO).send({ webhookName: 'alerts' });
    expect([again.status, again.body]).toEqual([422, { actionErrors: ["slackWebhooks 'alerts' not found"] }]);
  });
});

describe('Akto threat detection', () => {
  it('refuses a wrong key and lists violations in the actionErrors envelope', async () => {
    const { http } = await mockOf('aktoThreatDetection');
    expect((await http.post('/api/fetchThreatActors').set('x-api-key', 'nope').send({})).status).toBe(403);
    const invalid = await http.post('/api/fetchThreatActors').set(AKTO).send({ endTs: 'later', skip: -1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.actionErrors).toEqual(
      expect.arrayContaining(['body.startTs: is required', 'body.endTs: must be integer']),
    );
  });

  it('answers the same data for the same seed and other data for another seed', async () => {
    const request1 = { startTs: 1756837800, endTs: 1757442599 };
    const answers = await Promise.all(
      [1, 1, 2].map(async (seed) => {
        const { http } = await mockOf('aktoThreatDetection', seed);
        return (
          await http
            .post('/api/fetchThreatActors')
            .set(AKTO)
            .send({ ...request1, skip: 0 })
        ).text;
      }),
    );
    expect(answers[0]).toBe(answers[1]);
    expect(answers[2]).not.toBe(answers[0]);
  });
});

describe('ManageEngine incidents', () => {
  it('refuses a token without the scope with 401 and the flat envelope', async () => {
    const { http } = await mockOf('manageEngine');
    const response = await http
      .post('/api/v2/incident')
      .set(authHeaders(VENDOR_SPECS.manageEngine, { scopes: ['incident.READ'] }))
      .send({ name: 'x' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: '07001113',
      title: 'Unauthorized',
      detail: 'The credential lacks the scope incident.CREATE.',
    });
  });

  it('lists every violation with its path in the nested 400 envelope', async () => {
    const { http } = await mockOf('manageEngine');
    const response = await http
      .post('/api/v2/incident')
      .set(ME)
      .send({ severity: 'urgent', assignee: 'bob', notes: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('07001110');
    expect(response.body.error.detail.split('; ')).toEqual(
      expect.arrayContaining([
        'body.name: is required',
        'body.severity: must be one of "critical", "trouble", "attention"',
        'body.assignee: must be integer',
        'body.notes: must be array',
      ]),
    );
  });

  it('round trip: create, read, list, update, delete, then read is 404', async () => {
    const { http } = await mockOf('manageEngine');
    const created = await http
      .post('/api/v2/incident')
      .set(ME)
      .send({ name: 'Round trip', severity: 'critical' });
    const id = created.body.data.incident_id as number;
    const read = await http.get(`/api/v2/incident/${id}`).set(ME);
    expect(read.body.data).toMatchObject({
      incident_id: id,
      incident_name: 'Round trip',
      severity: 'Critical',
      status: 'Open',
    });
    expect((await http.get('/api/v2/incident?limit=1').set(ME)).body.data[0].incident_id).toBe(id);
    await http
      .put('/api/v2/incident')
      .set(ME)
      .send({ incident_id: id, name: 'Round trip', status: 'in_progress' });
    expect((await http.get(`/api/v2/incident/${id}`).set(ME)).body.data.status).toBe('In Progress');
    expect(
      (
        await http
          .delete('/api/v2/incident')
          .set(ME)
          .send({ incident_ids: [id] })
      ).status,
    ).toBe(200);
    const gone = await http.get(`/api/v2/incident/${id}`).set(ME);
    expect(gone.status).toBe(404);
    expect(gone.body.error.title).toBe('Not Found');
  });

  it('answers byte-identical lists for the same seed, different ones for another seed, and reset restores them', async () => {
    const list = async (http: ReturnType<typeof request>) =>
      (await http.get('/api/v2/incident?limit=100').set(ME)).text;
    const [a, b, c] = await Promise.all([1, 1, 3].map((seed) => mockOf('manageEngine', seed)));
    const fixtures = await list(a.http);
    expect(JSON.parse(fixtures).meta.total_items).toBeGreaterThanOrEqual(150);
    expect(await list(b.http)).toBe(fixtures);
    expect(await list(c.http)).not.toBe(fixtures);
    await a.http
      .delete('/api/v2/incident')
      .set(ME)
      .send({ incident_ids: [JSON.parse(fixtures).data[0].incident_id] });
    expect(await list(a.http)).not.toBe(fixtures);
    await a.http.post('/__secmock/reset');
    expect(await list(a.http)).toBe(fixtures);
  });
});

describe('Lacework Edge', () => {
  it('refuses a call without the login JWT with 401 and the {message} envelope', async () => {
    const { http } = await mockOf('lacework');
    const response = await http.get('/api/v1/users');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      message: "Missing credentials: send an 'Authorization: Bearer <token>' header.",
    });
  });

  it('lists every violation with its path in a 400 {message}', async () => {
    const { http } = await mockOf('lacework');
    const auth = await laceworkJwt(http);
    const response = await http
      .post('/api/v1/users')
      .set(auth)
      .send({ account_name: 7, user: { display_name: 1, role: 'boss' } });
    expect(response.status).toBe(400);
    expect(response.body.message.split('; ')).toEqual(
      expect.arrayContaining(['body.account_name: must be string', 'body.user.display_name: must be string']),
    );
  });

  it('round trip: create, read, list, partially update (attributes_to_delete) a user; register and delete a device', async () => {
    const { http } = await mockOf('lacework');
    const auth = await laceworkJwt(http);
    const created = await http
      .post('/api/v1/users')
      .set(auth)
      .send({ account_name: 'example', user: { display_name: 'Ada Lovelace', location: 'London', role: 2 } });
    expect(created.status).toBe(200);
    expectClean(created);
    const uuid = created.body.user.uuid as string;
    expect((await http.get(`/api/v1/users/${uuid}`).set(auth)).body).toMatchObject({
      uuid,
      display_name: 'Ada Lovelace',
      location: 'London',
    });
    expect(
      (await http.get('/api/v1/users').set(auth)).body.users.some((u: { uuid: string }) => u.uuid === uuid),
    ).toBe(true);
    const updated = await http
      .put(`/api/v1/users/${uuid}`)
      .set(auth)
      .send({ user: { display_name: 'Ada King' }, attributes_to_delete: ['location'] });
    expect(updated.status).toBe(200);
    const read = (await http.get(`/api/v1/users/${uuid}`).set(auth)).body;
    expect(read.display_name).toBe('Ada King');
    expect(read).not.toHaveProperty('location');

    const device = await http
      .post('/api/v1/devices')
      .set(auth)
      .send({ account_name: 'example', device: { user_uuid: uuid, name: 'laptop' } });
    expect(device.status).toBe(201);
    const deviceUuid = device.body.uuid as string;
    expect((await http.get(`/api/v1/devices/${deviceUuid}`).set(auth)).status).toBe(200);
    expect(
      (
        await http
          .delete('/api/v1/devices')
          .set(auth)
          .send({ account_name: 'example', devices: [{ user_uuid: uuid, uuid: deviceUuid }] })
      ).status,
    ).toBe(200);
    expect((await http.get(`/api/v1/devices/${deviceUuid}`).set(auth)).status).toBe(404);
  });

  it('serves the same directory for the same seed and another one for another seed', async () => {
    const users = async (seed: number) => {
      const { http } = await mockOf('lacework', seed);
      return (await http.get('/api/v1/users').set(await laceworkJwt(http))).text;
    };
    const [a, b, c] = [await users(1), await users(1), await users(5)];
    expect(JSON.parse(a).users.length).toBeGreaterThan(20);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
