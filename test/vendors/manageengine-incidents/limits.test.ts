import { manageEngineMock, ME_KEY } from './helpers';

/**
 * Every bound that keeps a long run's memory flat is answered, when exceeded on the ManageEngine incidents
 * spec, with a clear 4xx in its {error: {code, title, detail}} envelope, and what is stored stays.
 * (test/integration/limits.test.ts covers the bounds on the tiny spec.)
 */
describe('body size (--body-limit): 413 in the ManageEngine envelope', () => {
  const big = { webhookName: 'big', url: 'https://x.example', padding: 'x'.repeat(20_000) };

  it('ManageEngine: {error: {code, title, detail}}', async () => {
    const { http } = await manageEngineMock({ bodyLimit: '10kb' });
    const response = await http.post('/api/v2/incident').set(ME_KEY).send(big);
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
});

describe('array length: the ManageEngine validation refusal', () => {
  it('ManageEngine: more incident ids than the limit is a 400, and none is deleted', async () => {
    const { app, http } = await manageEngineMock();
    const stored = app.mock.store.collection('incidents').size;
    const ids = Array.from({ length: 10_001 }, (_, i) => `INC${i}`);
    const response = await http.delete('/api/v2/incident').set(ME_KEY).send({ incident_ids: ids });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: '07001110',
      title: 'Bad Request',
      detail: 'body.incident_ids: has 10001 items; at most 10000 are accepted',
    });
    expect(app.mock.store.collection('incidents').size).toBe(stored);
  });
});

describe('creates performed by vendor behaviours respect the collection limit too', () => {
  it('ManageEngine createIncident: 400 in its envelope, nothing stored', async () => {
    const { app } = await manageEngineMock();
    const limit = app.mock.store.collection('incidents').size;
    const limited = await manageEngineMock({ limits: { maxCollectionSize: limit } });
    const refused = await limited.http
      .post('/api/v2/incident')
      .set(ME_KEY)
      .send({ name: 'one too many', severity: 'critical' });
    expect([refused.status, refused.body.error?.detail]).toEqual([
      400,
      `incidents already holds the maximum of ${limit} entities; delete some or reset the mock`,
    ]);
    expect(limited.app.mock.store.collection('incidents').size).toBe(limit);
  });
});
