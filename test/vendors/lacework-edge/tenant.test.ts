import { DEFAULT_API_TOKEN, expectClean, laceworkMock, type Entity, type LaceworkMock } from './helpers';

/**
 * The mock serves one tenant. A client logs in with its own account name (`acme-corp`) and sends it in
 * `account_name`: any name is that tenant, and every object names it by its one name, `example`, as the
 * seeded objects do.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Lacework Edge: one tenant, whatever account name the client uses', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  it("logs in with the customer's own account name and any valid API token", async () => {
    const login = await mock.tokenLogin(DEFAULT_API_TOKEN, 'acme-corp');
    expect(login.status).toBe(200);
    expectClean(login);
    expect(login.body).toMatchObject({ account_name: 'example', status: 2 });
    const auth = { authorization: `Bearer ${String(login.body.token)}` };
    expect((await mock.http.get('/api/v1/users').set(auth)).status).toBe(200);

    const saml = await mock.http.get('/api/v1/login?account=acme-corp');
    expect(saml.status).toBe(200);
    expect(saml.body).toMatchObject({ account_name: 'example' });
    const account = await mock.call('get', '/api/v1/accounts/acme-corp');
    expect(account.body).toMatchObject({ name: 'example', onboarding: { eula_signed: true } });
  });

  it('a token created with the account name the client uses logs in with that name, and stays listed', async () => {
    const created = await mock.call('post', '/api/v1/tokens', {
      account_name: 'acme-corp',
      name: 'terraform-ci',
      status: 2,
    });
    expect(created.status).toBe(201);
    expect(created.body.account_name).toBe('example');
    const uuid = String(created.body.uuid);
    const updated = await mock.call('put', `/api/v1/tokens/${uuid}`, {
      account_name: 'acme-corp',
      uuid,
      description: 'changed',
    });
    expect(updated.body).toMatchObject({ account_name: 'example', description: 'changed' });
    const listed = (await mock.call('get', '/api/v1/tokens')).body.tokens as Entity[];
    expect(listed.map((t) => t.uuid)).toContain(uuid);
    const login = await mock.tokenLogin(String(created.body.secret), 'acme-corp');
    expect(login.status).toBe(200);
  });

  it('every write names the tenant, flat or wrapped, create or update', async () => {
    const connector = await mock.call('post', '/api/v1/connectors', {
      account_name: 'acme-corp',
      unique_name: 'acme-us-east-1',
      status: 2,
    });
    expect(connector.status).toBe(201);
    expect(connector.body).toMatchObject({ account_name: 'example', unique_name: 'acme-us-east-1' });
    expect(connector.body.uuid).toMatch(UUID);
    const read = await mock.call('get', '/api/v1/connectors/acme-us-east-1');
    expect(read.body.uuid).toBe(connector.body.uuid);

    const user = await mock.call('post', '/api/v1/users', {
      account_name: 'acme-corp',
      user: { display_name: 'Dana', account_name: 'acme-corp' },
      user_pii: { email: 'dana@acme-corp.com', account_name: 'acme-corp' },
    });
    expect(user.body.user.account_name).toBe('example');
    expect(user.body.user_pii.account_name).toBe('example');
    const access = await mock.call('post', '/api/v1/accesses', {
      account_name: 'acme-corp',
      user_list: [user.body.user.uuid],
    });
    expect(access.body.account_name).toBe('example');
    const config = await mock.call('post', '/api/v1/alert_configs', { account_name: 'acme-corp', name: 'x' });
    expect(config.body.account_name).toBe('example');
    expect(mock.stored('accesses').every((a) => a.account_name === 'example')).toBe(true);
  });

  it('seeded connectors and created ones get distinct uuids, the same for the same seed', async () => {
    const create = async () =>
      (await mock.call('post', '/api/v1/connectors', { unique_name: 'c-new' })).body.uuid as string;
    const first = await create();
    await mock.reset();
    expect(await create()).toBe(first);
    const uuids = mock.stored('connectors').map((c) => c.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
  });
});
