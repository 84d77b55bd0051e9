import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

describe('Lacework Edge seeded tenant', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });

  it('has enough of everything to page and filter', () => {
    const size = (name: string) => mock.stored(name).length;
    expect(size('users')).toBe(60);
    expect(size('groups')).toBe(12);
    expect(size('apps')).toBe(24);
    expect(size('accesses')).toBe(45);
    expect(size('policies')).toBe(22);
    for (const name of [
      'alerts',
      'alertHistory',
      'devices',
      'workflowRuns',
      'auditEvents',
      'blobs',
      'channels',
      'dashboards',
    ])
      expect(size(name)).toBeGreaterThanOrEqual(6);
    const owners = new Set(mock.stored('devices').map((d) => d.user_uuid));
    expect(owners.size).toBeGreaterThan(20);
    expect(owners.size).toBeLessThan(60);
    const statuses = new Set(mock.stored('users').map((u) => u.status));
    expect(statuses.has(2) && statuses.has(3)).toBe(true);
  });

  it('dates everything before the virtual clock, children after their parents', () => {
    const now = Date.parse('2025-09-09T18:00:00Z') / 1000;
    const byUuid = new Map(mock.stored('users').map((u) => [u.uuid, u]));
    for (const device of mock.stored('devices')) {
      expect(Number(device.create_time)).toBeGreaterThanOrEqual(
        Number((byUuid.get(device.user_uuid) as Entity).create_time),
      );
      expect(Number(device.update_time)).toBeLessThanOrEqual(now);
    }
    const groups = mock.stored('groups');
    const oldestUser = Math.min(...mock.stored('users').map((u) => Number(u.create_time)));
    expect(Math.max(...groups.map((g) => Number(g.create_time)))).toBeLessThan(oldestUser);
    for (const item of mock.stored('alertHistory')) expect(Number(item.timestamp)).toBeLessThanOrEqual(now);
  });

  it('audit events are found by time window', async () => {
    const events = mock.stored('auditEvents');
    const times = events.map((e) => Number(e.create_time)).sort((a, b) => a - b);
    const [from, to] = [times[10], times[60]];
    const iso = new Date(from * 1000).toISOString();
    const listed = await mock.call('get', `/api/v1/audit_events?start_time=${iso}&end_time=${to}`);
    const expected = events.filter((e) => Number(e.create_time) >= from && Number(e.create_time) < to);
    expect((listed.body.audit_events as Entity[]).map((e) => e.uuid)).toEqual(expected.map((e) => e.uuid));
    expect((await mock.call('get', '/api/v1/audit_events?start_time=soon')).status).toBe(400);
  });

  it('same seed, same data; another seed, other data', async () => {
    const again = await laceworkMock();
    const other = await laceworkMock({ seed: 7 });
    const users = (m: LaceworkMock) => m.call('get', '/api/v1/users').then((r) => r.body as Entity);
    expect(await users(again)).toEqual(await users(mock));
    expect(await users(other)).not.toEqual(await users(mock));
    const alerts = '/api/v1/alerts?start_time=0&end_time=4102444800000&status_filter=';
    expect((await other.call('get', alerts)).status).toBe(200);
  });
});
