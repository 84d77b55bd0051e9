import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

const groupTags = (user: Entity) =>
  ((user.tags as string[]) ?? []).filter((t) => t.startsWith('group:')).map((t) => t.slice(6));

describe('Lacework Edge directory: users, groups, apps, accesses and policies', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  it('seeds a consistent directory: every reference names a stored object, group counts match membership', () => {
    const ids = (name: string) => new Set(mock.stored(name).map((e) => String(e.uuid)));
    const [users, groups, apps] = [ids('users'), ids('groups'), ids('apps')];
    expect([users.size, groups.size, apps.size]).toEqual([60, 12, 24]);
    for (const user of mock.stored('users'))
      for (const g of groupTags(user)) expect(groups.has(g)).toBe(true);
    for (const group of mock.stored('groups')) {
      const members = mock
        .stored('users')
        .filter((u) => u.status !== 4 && groupTags(u).includes(String(group.uuid)));
      expect(group.user_count).toBe(members.length);
    }
    for (const access of mock.stored('accesses')) {
      for (const a of access.app_list as string[]) expect(apps.has(a)).toBe(true);
      for (const u of access.user_list as string[]) expect(users.has(u) || groups.has(u)).toBe(true);
    }
    for (const policy of mock.stored('policies')) {
      const filters = [policy.app_filter, policy.session_filter] as Array<{
        include_any?: Array<{ all: string[] }>;
        exclude_any?: Array<{ all: string[] }>;
      }>;
      const selectors = filters.flatMap((f) =>
        [...(f.include_any ?? []), ...(f.exclude_any ?? [])].flatMap((c) => c.all),
      );
      for (const s of selectors) {
        const [kind, id] = s.split(':');
        if (kind === 'app') expect(apps.has(id)).toBe(true);
        if (kind === 'user') expect(users.has(id)).toBe(true);
        if (kind === 'group') expect(groups.has(id)).toBe(true);
      }
      if (policy.workflow_uuid) expect(ids('workflows').has(String(policy.workflow_uuid))).toBe(true);
    }
    for (const device of mock.stored('devices')) expect(users.has(String(device.user_uuid))).toBe(true);
    for (const run of mock.stored('workflowRuns'))
      expect(users.has(String(run.user_uuid)) && apps.has(String(run.app_uuid))).toBe(true);
  });

  it('queries the accesses that apply to a user on an app, with what they reference', async () => {
    const access = mock.stored('accesses')[0];
    const groupUuid = (access.user_list as string[])[0];
    const member = mock.stored('users').find((u) => groupTags(u).includes(groupUuid)) as Entity;
    const app = (access.app_list as string[])[0];
    const result = await mock.call('get', `/api/v1/accesses?appid=${app}&userid=${String(member.uuid)}`);
    expect(result.status).toBe(200);
    const found = result.body.accesses as Entity[];
    expect(found.map((a) => a.uuid)).toContain(access.uuid);
    for (const a of found) {
      expect(a.app_list).toContain(app);
      const names = new Set([String(member.uuid), ...groupTags(member)]);
      expect((a.user_list as string[]).some((u) => names.has(u))).toBe(true);
    }
    const referenced = new Set(
      found.flatMap((a) => [...(a.app_list as string[]), ...(a.user_list as string[])]),
    );
    const answered = [...result.body.apps, ...result.body.groups, ...result.body.users].map((e: Entity) =>
      String(e.uuid),
    );
    expect(new Set(answered)).toEqual(referenced);

    const outsider = mock
      .stored('users')
      .find(
        (u) =>
          !found.some((a) => (a.user_list as string[]).some((x) => x === u.uuid || groupTags(u).includes(x))),
      );
    if (outsider) {
      const none = await mock.call('get', `/api/v1/accesses?appid=${app}&userid=${String(outsider.uuid)}`);
      expect((none.body.accesses as Entity[]).map((a) => a.uuid)).not.toContain(access.uuid);
    }
    const byUser = await mock.call('get', `/api/v1/accesses?appid=&userid=${String(member.uuid)}`);
    expect((byUser.body.accesses as Entity[]).length).toBeGreaterThanOrEqual(found.length);
  });

  it('a new access, group membership and policy show in the queries; dangling references are refused', async () => {
    const app = mock.stored('apps')[0];
    const group = (await mock.call('post', '/api/v1/groups', { group: { name: 'Auditors', user_count: 42 } }))
      .body as Entity;
    expect(group.user_count).toBe(0);
    const user = mock.stored('users').find((u) => u.status === 2) as Entity;
    const updated = await mock.call('put', `/api/v1/users/${String(user.uuid)}`, {
      user: { tags: [...(user.tags as string[]), `group:${String(group.uuid)}`] },
    });
    expect(updated.status).toBe(200);
    expect((await mock.call('get', `/api/v1/groups/${String(group.uuid)}`)).body.user_count).toBe(1);

    const access = await mock.call('post', '/api/v1/accesses', {
      app_list: [app.uuid],
      user_list: [group.uuid],
    });
    expect(access.status).toBe(201);
    const query = await mock.call(
      'get',
      `/api/v1/accesses?appid=${String(app.uuid)}&userid=${String(user.uuid)}`,
    );
    expect((query.body.accesses as Entity[]).map((a) => a.uuid)).toContain(access.body.uuid);
    expect((query.body.groups as Entity[]).map((g) => g.uuid)).toContain(group.uuid);

    const policy = await mock.call('post', '/api/v1/policies', {
      name: 'Auditors read-only',
      app_filter: { include_any: [{ all: [`app:${String(app.uuid)}`] }] },
      session_filter: { include_any: [{ all: [`group:${String(group.uuid)}`] }] },
    });
    expect(policy.status).toBe(201);
    const policies = await mock.call(
      'get',
      `/api/v1/policies?appid=${String(app.uuid)}&userid=${String(user.uuid)}&resolveDisplayNames=true`,
    );
    const mine = (policies.body.policies as Entity[]).find((p) => p.uuid === policy.body.uuid) as Entity;
    expect(mine.filter_selector_display_names).toEqual({
      [`app:${String(app.uuid)}`]: app.name,
      [`group:${String(group.uuid)}`]: 'Auditors',
    });
    const other = mock.stored('users').find((u) => u.uuid !== user.uuid) as Entity;
    const notMine = await mock.call(
      'get',
      `/api/v1/policies?appid=${String(app.uuid)}&userid=${String(other.uuid)}&resolveDisplayNames=false`,
    );
    expect((notMine.body.policies as Entity[]).map((p) => p.uuid)).not.toContain(policy.body.uuid);

    const counts = ['accesses', 'policies', 'users'].map((n) => mock.stored(n).length);
    expect(
      (
        await mock.call('post', '/api/v1/accesses', {
          app_list: ['3f0c1c2e-0000-4000-8000-000000000000'],
          user_list: [],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await mock.call('post', '/api/v1/policies', {
          session_filter: { include_any: [{ all: ['user:ghost'] }] },
        })
      ).status,
    ).toBe(400);
    expect(
      (await mock.call('post', '/api/v1/users', { user: { display_name: 'X', tags: ['group:ghost'] } }))
        .status,
    ).toBe(400);
    expect(['accesses', 'policies', 'users'].map((n) => mock.stored(n).length)).toEqual(counts);
  });

  it('filters lists by comma-separated status names and tags', async () => {
    const users = mock.stored('users');
    const listed = (await mock.call('get', '/api/v1/users?status=SUSPENDED,INIT')).body.users as Entity[];
    expect(listed.length).toBe(users.filter((u) => u.status === 3 || u.status === 1).length);
    const group = mock.stored('groups')[0];
    const members = (await mock.call('get', `/api/v1/users?tag=group:${String(group.uuid)}`)).body
      .users as Entity[];
    expect(members.length).toBeGreaterThanOrEqual(Number(group.user_count));
    const apps = (await mock.call('get', '/api/v1/apps?tag=finance,hr')).body.apps as Entity[];
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.every((a) => (a.tags as string[]).some((t) => t === 'finance' || t === 'hr'))).toBe(true);
    expect((await mock.call('get', '/api/v1/groups?status=SLEEPING')).status).toBe(400);
  });
});
