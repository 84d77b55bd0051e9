import { specMock } from '../helpers/mock';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * A vendor's documented rate limit, on request: ManageEngine allows 60 requests a minute per AuthToken. With
 * `rateLimits` the 61st request inside a minute of the mock's clock gets the vendor's envelope with 429 and
 * Retry-After, other tokens keep their own count, and moving the clock on lets the token through again.
 */
const SCOPES = ['incident.READ', 'incident.CREATE', 'incidents.update', 'incident.DELETE'];
const TOKENS = {
  meAuthToken: [
    { value: 'token-one', scopes: SCOPES },
    { value: 'token-two', scopes: SCOPES },
  ],
};
const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('rate limits the vendor documents', () => {
  it('ManageEngine: the 61st request inside a minute gets 429 with Retry-After, and passes once the clock moves', async () => {
    const { http } = await specMock(VENDOR_SPECS.manageEngine, { rateLimits: true, credentials: TOKENS });
    for (let i = 0; i < 60; i++) {
      // Reads and writes count alike: the limit is "across the API".
      const answer =
        i % 10 === 0
          ? await http
              .post('/api/v2/incident')
              .set(as('token-one'))
              .send({ name: `limited ${i}` })
          : await http.get('/api/v2/incident?limit=1').set(as('token-one'));
      expect(answer.status).toBe(200);
    }
    const refused = await http.get('/api/v2/incident?limit=1').set(as('token-one'));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: '07001110',
        title: 'Too Many Requests',
        detail: expect.stringMatching(
          /^more than 60 requests in 60 s with this credential; retry after \d+ s$/,
        ),
      },
    });
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers['x-secmock-violations']).toBeUndefined();
    // Another token has its own count.
    expect((await http.get('/api/v2/incident?limit=1').set(as('token-two'))).status).toBe(200);
    // Waiting less than Retry-After is not enough; waiting it is.
    if (wait > 1) {
      await http.post('/__secmock/clock').send({ advanceMs: (wait - 1) * 1000 });
      expect((await http.get('/api/v2/incident?limit=1').set(as('token-one'))).status).toBe(429);
      await http.post('/__secmock/clock').send({ advanceMs: 1000 });
    } else await http.post('/__secmock/clock').send({ advanceMs: wait * 1000 });
    expect((await http.get('/api/v2/incident?limit=1').set(as('token-one'))).status).toBe(200);
  });

  it('is off by default: a hundred requests at one instant all pass', async () => {
    const { http } = await specMock(VENDOR_SPECS.manageEngine, { credentials: TOKENS });
    for (let i = 0; i < 100; i++)
      expect((await http.get('/api/v2/incident?limit=1').set(as('token-one'))).status).toBe(200);
  });

  it('a refused request is not counted, and reset forgets the counts', async () => {
    const { http } = await specMock(VENDOR_SPECS.manageEngine, { rateLimits: true, credentials: TOKENS });
    for (let i = 0; i < 60; i++) await http.get('/api/v2/incident?limit=1').set(as('token-one'));
    for (let i = 0; i < 5; i++)
      expect((await http.get('/api/v2/incident?limit=1').set(as('token-one'))).status).toBe(429);
    await http.post('/__secmock/reset');
    expect((await http.get('/api/v2/incident?limit=1').set(as('token-one'))).status).toBe(200);
  });
});
