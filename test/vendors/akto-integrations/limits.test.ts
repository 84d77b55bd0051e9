import { AKTO_KEY, aktoMock } from './helpers';

/**
 * Every bound that keeps a long run's memory flat is answered, when exceeded on the Akto integrations spec,
 * with a clear 4xx in its {actionErrors} envelope, and what is stored stays. Then what the edge does with a
 * body it cannot read. (test/integration/limits.test.ts covers the bounds on the tiny spec.)
 */
describe('body size (--body-limit): 413 in the Akto envelope', () => {
  const big = { webhookName: 'big', url: 'https://x.example', padding: 'x'.repeat(20_000) };

  it('Akto: {actionErrors}', async () => {
    const { http } = await aktoMock({ bodyLimit: '10kb' });
    const response = await http.post('/api/addCustomWebhook').set(AKTO_KEY).send(big);
    expect([response.status, response.body]).toEqual([
      413,
      { actionErrors: ['request body is larger than the limit (10kb)'] },
    ]);
  });
});

describe('array length: the Akto validation refusal', () => {
  it('Akto: a configurable array limit on a bulk create is a 422 {actionErrors}', async () => {
    const { http } = await aktoMock({ limits: { maxArrayItems: 3 } });
    const response = await http
      .post('/api/bulkCreateJiraTickets')
      .set(AKTO_KEY)
      .send({ testingIssuesIdList: [{}, {}, {}, {}], projId: 'P', issueType: 'Bug' });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      actionErrors: ['body.testingIssuesIdList: has 4 items; at most 3 are accepted'],
    });
  });
});

describe('items per collection: a create beyond the limit is refused, what is stored stays', () => {
  it('Akto custom webhooks: 422 {actionErrors}', async () => {
    const { app, http } = await aktoMock({ limits: { maxCollectionSize: 1 } });
    const webhooks = () => app.mock.store.collection('customWebhooks').size;
    const add = (webhookName: string) =>
      http
        .post('/api/addCustomWebhook')
        .set(AKTO_KEY)
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

describe('a body the edge cannot read, sent where no operation is', () => {
  it('is refused for its route first: 404 in the envelope of the spec the path belongs to', async () => {
    const { http } = await aktoMock();
    const response = await http
      .post('/api/noSuchAction')
      .set({ ...AKTO_KEY, 'content-type': 'application/json; charset=bogus' })
      .send('{}');
    expect([response.status, response.body]).toEqual([
      404,
      { actionErrors: ['no operation at POST /api/noSuchAction'] },
    ]);
  });

  it("sent to an operation, is that operation's validation refusal, named in x-secmock-operation", async () => {
    const { http } = await aktoMock();
    const response = await http
      .post('/api/addCustomWebhook')
      .set({ ...AKTO_KEY, 'content-type': 'application/json; charset=bogus' })
      .send('{}');
    expect([response.status, response.body]).toEqual([
      422,
      { actionErrors: ['unsupported charset "BOGUS"'] },
    ]);
    expect(response.headers['x-secmock-operation']).toBe('akto-integrations/addCustomWebhook');
  });
});
