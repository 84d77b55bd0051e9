import { Credentials } from '../../src/mock/services/credentials';
import { Store } from '../../src/state/store';
import { tinyMock, TINY_KEY } from '../helpers/mock';

describe('bounded resources: each limit answers a clear 4xx in the spec envelope and keeps what is stored', () => {
  it('refuses arrays longer than the limit', async () => {
    const { http } = await tinyMock({ limits: { maxArrayItems: 100 } });
    const response = await http
      .post('/notes')
      .set(TINY_KEY)
      .send({ title: 't', tags: Array.from({ length: 101 }, (_, i) => `t${i}`) });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual(['body.tags: has 101 items; at most 100 are accepted']);
  });

  it('refuses bodies nested deeper than the limit without overflowing the stack', async () => {
    const { http } = await tinyMock();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const response = await http
      .post('/notes')
      .set(TINY_KEY)
      .set('content-type', 'application/json')
      .send(`{"title":"t","tags":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatch(
      /^body(\.tags(\[0\])*)?(: is not valid JSON|: is nested deeper than 64 levels)/,
    );
  });

  it('refuses creates beyond the collection limit, and the stored entities stay', async () => {
    const { http } = await tinyMock({ limits: { maxCollectionSize: 2 } });
    for (const title of ['a', 'b'])
      expect((await http.post('/notes').set(TINY_KEY).send({ title })).status).toBe(201);
    const third = await http.post('/notes').set(TINY_KEY).send({ title: 'c' });
    expect(third.status).toBe(400);
    expect(third.body.error.message).toBe(
      'notes already holds the maximum of 2 entities; delete some or reset the mock',
    );
    expect((await http.get('/notes').set(TINY_KEY)).body.total).toBe(2);
  });

  it('keeps at most the configured number of issued credentials per scheme, expiring the oldest', () => {
    const store = new Store();
    const credentials = new Credentials(store, [], { maxIssued: 3 });
    for (const value of ['t1', 't2', 't3', 't4']) credentials.issue('jwt', value);
    expect(credentials.lookup('jwt', 't1')).toBeUndefined();
    expect(['t2', 't3', 't4'].map((v) => credentials.lookup('jwt', v) !== undefined)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('keeps the request log at its size', async () => {
    const { http } = await tinyMock({ requestLogSize: 5 });
    for (let i = 0; i < 12; i++) await http.get('/notes').set(TINY_KEY);
    const log = (await http.get('/__secmock/requests')).body.requests;
    expect(log).toHaveLength(5);
    expect(log.at(-1).seq).toBe(12);
  });
});
