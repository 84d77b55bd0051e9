import { DEFAULT_API_TOKEN, expectClean, laceworkMock, type LaceworkMock } from './helpers';

describe('Lacework Edge logins and API tokens', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  it('logs in with the default API token and refuses other operations without the JWT', async () => {
    const session = await mock.tokenLogin();
    expect(session.status).toBe(200);
    expectClean(session);
    expect(session.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(session.body).toMatchObject({ account_name: 'example', status: 2 });
    const user = await mock.call('get', `/api/v1/users/${String(session.body.user_uuid)}`);
    expect(user.body).toMatchObject({ role: 1, status: 2 });

    const withApiToken = await mock.http
      .get('/api/v1/users')
      .set('authorization', `Bearer ${DEFAULT_API_TOKEN}`);
    expect(withApiToken.status).toBe(401);
    const withJwt = await mock.http
      .get('/api/v1/users')
      .set('authorization', `Bearer ${String(session.body.token)}`);
    expect(withJwt.status).toBe(200);
  });

  it('a created token logs in as its user; suspended it is refused with 403, active again it logs in', async () => {
    const users = (await mock.call('get', '/api/v1/users?status=ACTIVE')).body.users as Array<{
      uuid: string;
    }>;
    const owner = users[5].uuid;
    const created = await mock.call('post', '/api/v1/tokens', { name: 'CI', role: 2, user_uuid: owner });
    expect(created.status).toBe(201);
    const secret = String(created.body.secret);
    expect(secret).toMatch(/^lwe_\w{40}$/);

    const login = await mock.tokenLogin(secret);
    expect(login.status).toBe(200);
    expectClean(login);
    expect(login.body).toMatchObject({ user_uuid: owner, user_role: 2 });
    const jwt = String(login.body.token);
    expect((await mock.http.get('/api/v1/apps').set('authorization', `Bearer ${jwt}`)).status).toBe(200);

    const listed = await mock.call('get', '/api/v1/tokens');
    const shown = (listed.body.tokens as Array<Record<string, unknown>>).find(
      (t) => t.uuid === created.body.uuid,
    );
    expect(shown).toBeDefined();
    expect(shown).not.toHaveProperty('secret');

    const suspended = await mock.call('put', `/api/v1/tokens/${String(created.body.uuid)}`, { status: 3 });
    expect(suspended.body).toMatchObject({ status: 3, secret: '********' });
    const refused = await mock.tokenLogin(secret);
    expect(refused.status).toBe(403);
    expectClean(refused);
    expect(refused.body.message).toMatch(/not active/);
    const active = (await mock.call('get', '/api/v1/tokens')).body.tokens as Array<{ uuid: string }>;
    expect(active.map((t) => t.uuid)).not.toContain(created.body.uuid);
    const all = (await mock.call('get', '/api/v1/tokens?get_all=true')).body.tokens as Array<{
      uuid: string;
    }>;
    expect(all.map((t) => t.uuid)).toContain(created.body.uuid);

    await mock.call('put', `/api/v1/tokens/${String(created.body.uuid)}`, { status: 2 });
    expect((await mock.tokenLogin(secret)).status).toBe(200);
  });

  it('refuses an unknown API token with 401', async () => {
    const unknown = await mock.tokenLogin('lwe_not-a-token');
    expect(unknown.status).toBe(401);
    expectClean(unknown);
  });

  it('a temporary token logs in once, for viewing its user log only', async () => {
    const users = (await mock.call('get', '/api/v1/users?status=ACTIVE')).body.users as Array<{
      uuid: string;
    }>;
    const temp = await mock.call('post', '/api/v1/tokens/temporary', {
      user_uuid: users[3].uuid,
      ttl_sec: 600,
    });
    expect(temp.status).toBe(201);
    expect(temp.body).toMatchObject({ view_pii_log_only: true, user_uuid: users[3].uuid });
    expect(String(temp.body.login_url)).toContain('token_login?account=example');
    const first = await mock.tokenLogin(String(temp.body.secret));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ view_pii_log_only: true, user_uuid: users[3].uuid });
    const second = await mock.tokenLogin(String(temp.body.secret));
    expect(second.status).toBe(403);
    expect(second.body.message).toMatch(/already used/);
    const unknownUser = await mock.call('post', '/api/v1/tokens/temporary', {
      user_uuid: 'nobody',
      ttl_sec: 60,
    });
    expect(unknownUser.status).toBe(400);
  });

  it('a seeded ACTIVE token logs in; a seeded suspended one does not', async () => {
    const tokens = mock.stored('tokens');
    const active = tokens.find((t) => t.status === 2);
    const suspended = tokens.find((t) => t.status === 3);
    expect((await mock.tokenLogin(String(active?.secret))).status).toBe(200);
    expect((await mock.tokenLogin(String(suspended?.secret))).status).toBe(403);
  });

  it('SAML login answers a session whose JWT works; it expires a day later', async () => {
    const login = await mock.http.get('/api/v1/login?account=example');
    expect(login.status).toBe(200);
    expectClean(login);
    const jwt = String(login.body.token);
    const auth = { authorization: `Bearer ${jwt}` };
    expect((await mock.http.get('/api/v1/groups').set(auth)).status).toBe(200);

    await mock.http.post('/__secmock/clock').send({ advanceMs: 86_400_000 + 5000 });
    expect((await mock.http.get('/api/v1/groups').set(auth)).status).toBe(401);
  });

  it('answers the account with its onboarding state', async () => {
    const account = await mock.call('get', '/api/v1/accounts/example');
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ name: 'example', onboarding: { eula_signed: true } });
    await mock.call('put', '/api/v1/onboarding', { onboarding: { completed_steps: ['connect_idp'] } });
    const after = await mock.call('get', '/api/v1/accounts/example');
    expect(after.body.onboarding.completed_steps).toEqual(['connect_idp']);
  });
});
