import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { loadSpecs, type SpecModel } from '../../../src/openapi';
import { LOCAL_DATA_SOURCE, ROLE, ROLE_NAMES, STATUS } from '../../../src/vendors/lacework-edge/common';
import { VENDOR_SPECS } from '../../helpers/paths';
import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

/**
 * What the vendor accepts beyond its API document (specs/lacework-edge.yaml, `x-secmock.accepts`): its usage
 * pages and egcli send enum names (ROLE_USER, ACTIVE) and flat group and app objects. The mock stores the
 * document's values, reports each departure in x-secmock-violations, and refuses them when strict.
 */
const CHANGING = ['uuid', 'create_time', 'update_time', 'membership_update_time'];
const withoutIds = (entity: Entity) =>
  Object.fromEntries(Object.entries(entity).filter(([field]) => !CHANGING.includes(field)));

describe('Lacework Edge: what the usage pages send', () => {
  let mock: LaceworkMock;
  let auth: { authorization: string };
  const post = (path: string, body: unknown) =>
    mock.http
      .post(path)
      .set(auth)
      .send(body as object);
  const put = (path: string, body: unknown) =>
    mock.http
      .put(path)
      .set(auth)
      .send(body as object);

  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(async () => {
    await mock.reset();
    auth = { authorization: `Bearer ${String((await mock.tokenLogin()).body.token)}` };
  });

  it('stores role and status names as the document integers, and reports them as document-only', async () => {
    const created = await post('/api/v1/users', {
      user: { display_name: 'Priya Raman', role: 'ROLE_ADMIN', status: 'ACTIVE' },
      user_pii: { email: 'priya@acme-corp.com', login: 'praman' },
    });
    expect(created.status).toBe(200);
    expect(created.body.user).toMatchObject({ role: ROLE.ADMIN, status: STATUS.ACTIVE });
    const reported = String(created.headers['x-secmock-violations'])
      .replace(/^\d+; /, '')
      .split(' | ');
    expect(reported).toContain('document-only: body.user.role: must be integer');
    expect(reported.every((line) => line.startsWith('document-only: '))).toBe(true);
    const uuid = String(created.body.user.uuid);

    const suspended = await put(`/api/v1/users/${uuid}`, { uuid, user: { status: 'SUSPENDED' } });
    expect(suspended.body).toMatchObject({ status: STATUS.SUSPENDED, role: ROLE.ADMIN });
    const demoted = await put(`/api/v1/users/${uuid}`, { uuid, user: { role: 'ROLE_USER' } });
    expect(demoted.body).toMatchObject({ status: STATUS.SUSPENDED, role: ROLE.USER });
    expect(mock.stored('users').find((u) => u.uuid === uuid)).toMatchObject({ role: 2, status: 3 });

    const app = await post('/api/v1/apps', { app: { name: 'Jira', status: 'INIT' } });
    expect(app.body.status).toBe(STATUS.INIT);
    const group = await post('/api/v1/groups', { group: { name: 'Ops' } });
    const renamed = await put(`/api/v1/groups/${String(group.body.uuid)}`, { status: 'SUSPENDED' });
    expect(renamed.body.group.status).toBe(STATUS.SUSPENDED);
  });

  it('a user created without a role is a plain, local user', async () => {
    const created = await post('/api/v1/users', { user: { display_name: 'Marcus Lee' } });
    expect(created.headers['x-secmock-violations']).toBeUndefined();
    expect(created.body.user).toMatchObject({ role: ROLE.USER, data_source: LOCAL_DATA_SOURCE, status: 2 });
  });

  it('still refuses a name the vendor does not know', async () => {
    const refused = await post('/api/v1/users', { user: { display_name: 'X', role: 'ROLE_BOSS' } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('body.user.role');
  });

  it.each([
    ['groups', { name: 'Engineering', description: 'Every engineer', status: 'ACTIVE' }, 'group'],
    [
      'apps',
      {
        name: 'Grafana',
        description: 'Dashboards',
        protocol: 'https',
        host: 'grafana.acme-corp.com',
        port: 443,
        internal_protocol: 'tcp',
        internal_host_pattern: 'grafana.prod.internal',
        internal_port: 3000,
        status: 'ACTIVE',
      },
      'app',
    ],
  ])('stores a flat %s body like the wrapped one', async (resource, flat, wrapper) => {
    const path = `/api/v1/${resource}`;
    const fromFlat = await post(path, { ...flat, account_name: 'acme-corp' });
    expect(fromFlat.status).toBe(200);
    expect(String(fromFlat.headers['x-secmock-violations'])).toContain(
      `document-only: body.${wrapper}: is required`,
    );
    const fromWrapped = await post(path, {
      account_name: 'acme-corp',
      [wrapper]: { ...flat, status: STATUS.ACTIVE },
    });
    expect(fromWrapped.headers['x-secmock-violations']).toBeUndefined();
    const stored = (answer: { body: Entity }) =>
      mock.stored(resource).find((e) => e.uuid === answer.body.uuid) as Entity;
    expect(withoutIds(stored(fromFlat))).toEqual(withoutIds(stored(fromWrapped)));
    expect(stored(fromFlat)).toMatchObject({
      name: flat.name,
      status: STATUS.ACTIVE,
      data_source: LOCAL_DATA_SOURCE,
      account_name: 'example',
    });
    const read = await mock.call('get', `${path}/${String(fromFlat.body.uuid)}`);
    expect(read.body).toMatchObject({ ...flat, status: STATUS.ACTIVE });
  });

  it('a strict mock, or Prefer: strict=true, refuses a role name in the {message} envelope', async () => {
    const body = { user: { display_name: 'Dana', role: 'ROLE_USER' } };
    const preferred = await post('/api/v1/users', body).set('Prefer', 'strict=true');
    expect(preferred.status).toBe(400);
    expect(Object.keys(preferred.body)).toEqual(['message']);
    expect(preferred.body.message).toContain('body.user.role: must be integer');

    const strict = await laceworkMock({ strict: true });
    const login = await strict.tokenLogin();
    const strictAuth = { authorization: `Bearer ${String(login.body.token)}` };
    const refused = await strict.http.post('/api/v1/users').set(strictAuth).send(body);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ message: expect.stringContaining('body.user.role') as unknown });
    const flatGroup = await strict.http.post('/api/v1/groups').set(strictAuth).send({ name: 'Ops' });
    expect(flatGroup.status).toBe(400);
    const relaxed = await strict.http
      .post('/api/v1/users')
      .set(strictAuth)
      .set('Prefer', 'strict=false')
      .send(body);
    expect(relaxed.status).toBe(200);
    expect(relaxed.body.user.role).toBe(ROLE.USER);
  });
});

describe('Lacework Edge: the spec and the mock agree on enum names and defaults', () => {
  let spec: SpecModel;
  const raw = load(readFileSync(VENDOR_SPECS.lacework, 'utf8')) as {
    components: { schemas: Record<string, { enum?: unknown[] }> };
  };
  beforeAll(async () => {
    [spec] = await loadSpecs([VENDOR_SPECS.lacework], { examples: false });
  });

  it('maps every role and status name to the integer the mock uses', () => {
    const aliases = spec.operations.flatMap((op) => op.accepts?.aliases ?? []);
    expect(aliases.length).toBeGreaterThanOrEqual(7);
    for (const { at, map } of aliases) {
      const field = at.steps[at.steps.length - 1];
      expect(map).toEqual(field === 'role' ? ROLE_NAMES : STATUS);
    }
    expect(raw.components.schemas.StatusName.enum).toEqual(Object.keys(STATUS));
  });

  it('creates local users, groups and apps; a user without a role is a plain user', () => {
    const defaults = (name: string) => spec.resources.find((r) => r.name === name)?.defaults ?? {};
    for (const name of ['users', 'groups', 'apps'])
      expect(defaults(name)).toMatchObject({ data_source: LOCAL_DATA_SOURCE, account_name: 'example' });
    expect(defaults('users').role).toBe(ROLE.USER);
  });
});
