import { bareLaceworkMock, laceworkJwt } from './helpers';

/**
 * Every bound that keeps a long run's memory flat is answered, when exceeded on the Lacework Edge spec, with
 * a clear 4xx in its {message} envelope, and what is stored stays. (test/integration/limits.test.ts covers
 * the bounds on the tiny spec.) Each test logs in itself: a login may create the account's default user.
 */
describe('body size (--body-limit): 413 in the Lacework envelope', () => {
  it('Lacework: {message}, and nothing is stored', async () => {
    const { app, http } = await bareLaceworkMock({ bodyLimit: '10kb' });
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

describe('nesting: the Lacework validation refusal', () => {
  it('Lacework: a body nested deeper than 64 levels is a 400 {message}', async () => {
    const { app, http } = await bareLaceworkMock();
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
    const { app } = await bareLaceworkMock();
    const limit = app.mock.store.collection('users').size + 1;
    // Logins mint credentials, which are stored too: their own bound stays below the collection bound.
    const limits = { maxCollectionSize: limit, maxIssuedCredentials: limit - 1 };
    const limited = await bareLaceworkMock({ limits });
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
});

describe('creates performed by vendor behaviours respect the collection limit too', () => {
  it('Lacework createToken: 400 {message}', async () => {
    const { app, http } = await bareLaceworkMock();
    const auth = await laceworkJwt(http);
    const limit = app.mock.store.collection('tokens').size;
    const limits = { maxCollectionSize: limit, maxIssuedCredentials: limit - 1 };
    const limited = await bareLaceworkMock({ limits });
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
