import { expectClean } from '../../helpers/mock';
import { AKTO_KEY, aktoMock } from './helpers';

/** The mock of the Akto integrations spec over HTTP: auth, the validation envelope, a round trip. */
describe('Akto integrations', () => {
  it('refuses a missing key with 403 and the actionErrors envelope', async () => {
    const { http } = await aktoMock();
    const response = await http.post('/api/addCustomWebhook').send({});
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ actionErrors: ["Missing credentials: send the header 'x-api-key'."] });
  });

  it('lists every violation with its path in a 422 actionErrors envelope', async () => {
    const { http } = await aktoMock();
    const response = await http
      .post('/api/addCustomWebhook')
      .set(AKTO_KEY)
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
    const { http } = await aktoMock();
    const body = { webhookName: 'new-endpoints', url: 'https://hooks.example.com/a', method: 'POST' };
    const created = await http.post('/api/addCustomWebhook').set(AKTO_KEY).send(body);
    expect(created.status).toBe(200);
    expectClean(created);
    expect(
      (await http.post('/api/checkWebhook').set(AKTO_KEY).send({ webhookName: 'new-endpoints' })).body
        .webhookPresent,
    ).toBe(true);
    const stored = (
      (await http.get('/__secmock/state?collection=customWebhooks')).body.items as Array<{
        id: number;
        url: string;
        webhookName: string;
      }>
    ).filter((w) => w.webhookName === body.webhookName);
    expect(stored).toHaveLength(1);
    const updated = await http
      .post('/api/updateCustomWebhook')
      .set(AKTO_KEY)
      .send({ ...body, id: stored[0].id, url: 'https://hooks.example.com/b' });
    expect(updated.status).toBe(200);
    expect(
      (await http.get('/__secmock/state?collection=customWebhooks')).body.items.find(
        (w: { id: number }) => w.id === stored[0].id,
      ).url,
    ).toBe('https://hooks.example.com/b');

    const slack = { webhookName: 'alerts', webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' };
    expect((await http.post('/api/addSlackWebhook').set(AKTO_KEY).send(slack)).status).toBe(200);
    expect(
      (await http.post('/api/deleteSlackWebhook').set(AKTO_KEY).send({ webhookName: 'alerts' })).status,
    ).toBe(200);
    const again = await http.post('/api/deleteSlackWebhook').set(AKTO_KEY).send({ webhookName: 'alerts' });
    expect([again.status, again.body]).toEqual([422, { actionErrors: ["slackWebhooks 'alerts' not found"] }]);
  });
});
