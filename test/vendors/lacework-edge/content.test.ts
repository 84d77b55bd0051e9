import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

describe('Lacework Edge client data: blobs, devices, shared documents', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  it('stores blobs by key and finds them by key prefix', async () => {
    const created = await mock.call('post', '/api/v1/blobs', {
      key: 'ui/filters/saved-1',
      name: 'Saved filter',
      data: '{"q":1}',
    });
    expect(created.status).toBe(200);
    expect((await mock.call('get', '/api/v1/blobs/ui%2Ffilters%2Fsaved-1')).body).toMatchObject({
      key: 'ui/filters/saved-1',
      data: '{"q":1}',
    });
    const prefixed = (await mock.call('get', '/api/v1/blobs?prefix=ui/')).body.blobs as Entity[];
    const expected = mock.stored('blobs').filter((b) => String(b.key).startsWith('ui/'));
    expect(prefixed.map((b) => b.key).sort()).toEqual(expected.map((b) => b.key).sort());
    expect(prefixed.map((b) => b.key)).toContain('ui/filters/saved-1');
    expect(
      (await mock.call('get', '/api/v1/blobs?prefix=reports/')).body.blobs.every((b: Entity) =>
        String(b.key).startsWith('reports/'),
      ),
    ).toBe(true);
    expect(
      (await mock.call('post', '/api/v1/blobs', { key: 'ui/filters/saved-1', data: 'again' })).status,
    ).toBe(400);
    expect((await mock.call('get', '/api/v1/blobs/nope')).status).toBe(404);
  });

  it("registers and deletes devices, reflected in the user's devices", async () => {
    const user = mock
      .stored('users')
      .find((u) => u.status === 2 && !mock.stored('devices').some((d) => d.user_uuid === u.uuid)) as Entity;
    const devicesOf = async () =>
      (await mock.call('get', `/api/v1/users/${String(user.uuid)}/devices`)).body.devices as Entity[];
    expect(await devicesOf()).toEqual([]);
    const registered = await mock.call('post', '/api/v1/devices', {
      device: { display_name: 'Work laptop', os: 'macOS', user_uuid: user.uuid },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ user_uuid: user.uuid, user_display_name: user.display_name });
    const again = await mock.call('post', '/api/v1/devices', {
      device_uuid: registered.body.uuid,
      device: { os_version: '15.0' },
    });
    expect(again.body).toMatchObject({ uuid: registered.body.uuid, os: 'macOS', os_version: '15.0' });
    expect((await devicesOf()).map((d) => d.uuid)).toEqual([registered.body.uuid]);

    const missing = await mock.call('delete', '/api/v1/devices', {
      devices: [
        { uuid: registered.body.uuid, user_uuid: user.uuid },
        { uuid: 'nope', user_uuid: user.uuid },
      ],
    });
    expect(missing.status).toBe(404);
    expect(await devicesOf()).toHaveLength(1);
    const deleted = await mock.call('delete', '/api/v1/devices', {
      devices: [{ uuid: registered.body.uuid, user_uuid: user.uuid }],
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.uuid).toBe(registered.body.uuid);
    expect(await devicesOf()).toEqual([]);
    expect((await mock.call('post', '/api/v1/devices', { device: { user_uuid: 'ghost' } })).status).toBe(400);
    expect((await mock.call('get', '/api/v1/users/ghost/devices')).status).toBe(404);
  });

  it('revokes document sharing: one access, then everything external', async () => {
    const doc = mock.stored('documents').find((d) => (d.external_access as Entity[]).length >= 2) as Entity;
    const [first] = doc.external_access as Entity[];
    await mock.call('post', `/api/v1/documents/${String(doc.uuid)}/revoke_access`, {
      access_id: first.access_id,
    });
    const after = (await mock.call('get', `/api/v1/documents/${String(doc.uuid)}`)).body;
    expect((after.external_access as Entity[]).map((a) => a.access_id)).not.toContain(first.access_id);
    await mock.call('post', `/api/v1/documents/${String(doc.uuid)}/revoke_sharing`, { external_only: true });
    const internal = (await mock.call('get', `/api/v1/documents/${String(doc.uuid)}`)).body;
    expect(internal.is_shared_externally).toBe(false);
    expect(
      (internal.external_access as Entity[]).every((a) => (a.target_identity as Entity).external === false),
    ).toBe(true);
    await mock.call('post', `/api/v1/documents/${String(doc.uuid)}/revoke_sharing`, {});
    expect((await mock.call('get', `/api/v1/documents/${String(doc.uuid)}`)).body).toMatchObject({
      is_shared: false,
      external_access: [],
    });
  });
});
