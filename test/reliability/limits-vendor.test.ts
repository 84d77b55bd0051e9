import { startMock } from '../../src/server/serve';
import { VENDOR_SPECS } from '../helpers/paths';
import { closeRawAgent, sendRaw } from './helpers/raw-http';
import { AKTO, laceworkJwt, ME, mockOf } from './helpers/vendor-mock';

/**
 * Every bound that keeps a long run's memory flat is answered, when exceeded, with a clear 4xx in the
 * vendor's own envelope (test/mock/limits.test.ts covers the tiny spec; these cover the vendor specs),
 * and what is stored stays.
 */

describe('body size (--body-limit): 413 in each vendor envelope', () => {
  const big = { webhookName: 'big', url: 'https://x.example', padding: 'x'.repeat(20_000) };

  it('Akto: {actionErrors}', async () => {
    const { http } = await mockOf('aktoIntegrations', { bodyLimit: '10kb' });
    const response = await http.post('/api/addCustomWebhook').set(AKTO).send(big);
    expect([response.status, response.body]).toEqual([
      413,
      { actionErrors: ['request body is larger than the limit (10kb)'] },
    ]);
  });

  it('ManageEngine: {error: {code, title, detail}}', async () => {
    const { http } = await mockOf('manageEngine', { bodyLimit: '10kb' });
    const response = await http.post('/api/v2/incident').set(ME).send(big);
    expect([response.status, response.body]).toEqual([
      413,
      {
        error: {
          code: '07001110',
          title: 'Payload Too Large',
          detail: 'request body is larger than the limit (10kb)',
        },
      },
    ]);
  });

  it('Lacework: {message}, and nothing is stored', async () => {
    const { app, http } = await mockOf('lacework', { bodyLimit: '10kb' });
    const auth = await laceworkJwt(http);
    const users = app.mock.store.collection('users').size;
    const response = await http
      .post('/api/v1/users')
      .set(auth)
      .send({ user: { display_name: 'x'.repeat(20_000) } });
    expect([response.status, response.body]).toEqual([
      413,
      { message: 'request body is larger than the limit (10kb)' },
    ]);
    expect(app.mock.store.collection('users').size).toBe(users);
  });
});

describe('array length and nesting: the vendor validation refusal', () => {
  it('ManageEngine: more incident ids than the limit is a 400, and none is deleted', async () => {
    const { app, http } = await mockOf('manageEngine');
    const stored = app.mock.store.collection('incidents').size;
    const ids = Array.from({ length: 10_001 }, (_, i) => `INC${i}`);
    const response = await http.delete('/api/v2/incident').set(ME).send({ incident_ids: ids });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: '07001110',
      title: 'Bad Request',
      detail: 'body.incident_ids: has 10001 items; at most 10000 are accepted',
    });
    expect(app.mock.store.collection('incidents').size).toBe(stored);
  });

  it('Akto: a configurable array limit on a bulk create is a 422 {actionErrors}', async () => {
    const { http } = await mockOf('aktoIntegrations', { limits: { maxArrayItems: 3 } });
    const response = await http
      .post('/api/bulkCreateJiraTickets')
      .set(AKTO)
      .send({ testingIssuesIdList: [{}, {}, {}, {}], projId: 'P', issueType: 'Bug' });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      actionErrors: ['body.testingIssuesIdList: has 4 items; at most 3 are accepted'],
    });
  });

  it('Lacework: a body nested deeper than 64 levels is a 400 {message}', async () => {
    const { app, http } = await mockOf('lacework');
    const auth = await laceworkJwt(http);
    const users = app.mock.store.collection('users').size;
    const deep = `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`;
    const response = await http
      .post('/api/v1/users')
      .set({ ...auth, 'content-type': 'application/json' })
      .send(`{"user": {"display_name": "deep", "extra": ${deep}}}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/^body\.user\.extra(\.a)+: is nested deeper than 64 levels$/);
    expect(app.mock.store.collection('users').size).toBe(users);
  });
});

describe('items per collection: a create beyond the limit is refused, what is stored stays', () => {
  it('Lacework users: 400 {message}', async () => {
    const { app } = await mockOf('lacework');
    const limit = app.mock.store.collection('users').size + 1;
    const limited = await mockOf('lacework', { limits: { maxCollectionSize: limit } });
    const auth = await laceworkJwt(limited.http);
    const users = () => limited.app.mock.store.collection('users').size;
    const create = (name: string) =>
      limited.http
        .post('/api/v1/users')
        .set(auth)
        .send({ user: { display_name: name } });
    // The login itself may have created the account's default user: fill up to the limit first.
    while (users() < limit) expect((await create(`filler ${users()}`)).status).toBe(200);
    const refused = await create('one too many');
    expect([refused.status, refused.body]).toEqual([
      400,
      { message: `users already holds the maximum of ${limit} entities; delete some or reset the mock` },
    ]);
    expect(users()).toBe(limit);
  });

  it('Akto custom webhooks: 422 {actionErrors}', async () => {
    const { app, http } = await mockOf('aktoIntegrations', { limits: { maxCollectionSize: 1 } });
    const webhooks = () => app.mock.store.collection('customWebhooks').size;
    const add = (webhookName: string) =>
      http
        .post('/api/addCustomWebhook')
        .set(AKTO)
        .send({ webhookName, url: 'https://x.example', method: 'POST' });
    while (webhooks() < 1) expect((await add(`w${webhooks()}`)).status).toBe(200);
    const refused = await add('one too many');
    expect([refused.status, refused.body]).toEqual([
      422,
      {
        actionErrors: [
          'customWebhooks already holds the maximum of 1 entities; delete some or reset the mock',
        ],
      },
    ]);
    expect(webhooks()).toBe(1);
  });
});

describe('creates performed by vendor behaviours respect the collection limit too', () => {
  it('ManageEngine createIncident: 400 in its envelope, nothing stored', async () => {
    const { app } = await mockOf('manageEngine');
    const limit = app.mock.store.collection('incidents').size;
    const limited = await mockOf('manageEngine', { limits: { maxCollectionSize: limit } });
    const refused = await limited.http
      .post('/api/v2/incident')
      .set(ME)
      .send({ name: 'one too many', severity: 'critical' });
    expect([refused.status, refused.body.error?.detail]).toEqual([
      400,
      `incidents already holds the maximum of ${limit} entities; delete some or reset the mock`,
    ]);
    expect(limited.app.mock.store.collection('incidents').size).toBe(limit);
  });

  it('Lacework createToken: 400 {message}', async () => {
    const { app, http } = await mockOf('lacework');
    const auth = await laceworkJwt(http);
    const limit = app.mock.store.collection('tokens').size;
    const limited = await mockOf('lacework', { limits: { maxCollectionSize: limit } });
    const refused = await limited.http
      .post('/api/v1/tokens')
      .set(await laceworkJwt(limited.http))
      .send({ name: 'extra' });
    expect([refused.status, refused.body]).toEqual([
      400,
      { message: `tokens already holds the maximum of ${limit} entities; delete some or reset the mock` },
    ]);
    expect((await http.post('/api/v1/tokens').set(auth).send({ name: 'fits' })).status).toBe(201);
  });
});

afterAll(() => closeRawAgent());

describe("headers or a URL over Node's 16 KB limit", () => {
  it('are refused with 431 in the vendor envelope of the path, not a bare status', async () => {
    const mock = await startMock({
      specs: [VENDOR_SPECS.lacework, VENDOR_SPECS.manageEngine],
      port: 0,
    });
    try {
      const long = 'x'.repeat(20_000);
      const lacework = await sendRaw(mock.url, {
        method: 'GET',
        target: `/api/v1/users?q=${long}`,
        headers: {},
      });
      expect([lacework.status, lacework.json]).toEqual([
        431,
        { message: 'the request could not be read (Parse Error: Header overflow)' },
      ]);
      const me = await sendRaw(mock.url, {
        method: 'GET',
        target: '/api/v2/incident',
        headers: { 'x-long': long },
      });
      expect(me.status).toBe(431);
      expect(me.json).toEqual({
        error: {
          code: '07001110',
          title: 'Payload Too Large',
          detail: 'the request could not be read (Parse Error: Header overflow)',
        },
      });
      // The mock still answers afterwards.
      expect((await fetch(`${mock.url}/__secmock/health`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});

describe('a body the edge cannot read, sent where no operation is', () => {
  it('is refused for its route first: 404 in the envelope of the spec the path belongs to', async () => {
    const { http } = await mockOf('aktoIntegrations');
    const response = await http
      .post('/api/noSuchAction')
      .set({ ...AKTO, 'content-type': 'application/json; charset=bogus' })
      .send('{}');
    expect([response.status, response.body]).toEqual([
      404,
      { actionErrors: ['no operation at POST /api/noSuchAction'] },
    ]);
  });

  it("sent to an operation, is that operation's validation refusal, named in x-secmock-operation", async () => {
    const { http } = await mockOf('aktoIntegrations');
    const response = await http
      .post('/api/addCustomWebhook')
      .set({ ...AKTO, 'content-type': 'application/json; charset=bogus' })
      .send('{}');
    expect([response.status, response.body]).toEqual([
      422,
      { actionErrors: ['unsupported charset "BOGUS"'] },
    ]);
    expect(response.headers['x-secmock-operation']).toBe('akto-integrations/addCustomWebhook');
  });
});
