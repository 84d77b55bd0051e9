import { laceworkMock } from './helpers';

/**
 * Lacework integrations hold their credentials in an object, some fields secret and some not: masking works
 * field by field, and the mask a client sends back is not taken for a new secret. (How secrets never show on
 * any surface, on every operation that takes one, is test/reliability/secrets.test.ts.)
 */
describe('secrets inside an object (Lacework integration credentials)', () => {
  it('are answered masked field by field, and an update that sends them back masked keeps them', async () => {
    const mock = await laceworkMock();
    const created = await mock.call('post', '/api/v1/integrations', {
      display_name: 'Okta',
      data_source: 11,
      credentials: { client_id: 'client-1', client_secret: 'cs-s3cr3t', username: 'svc' },
    });
    expect(created.status).toBe(201);
    expect(created.body.credentials).toEqual({
      client_id: 'client-1',
      client_secret: '********',
      username: 'svc',
    });
    const uuid = String(created.body.uuid);
    const stored = () => mock.stored('integrations').find((i) => i.uuid === uuid)?.credentials;
    expect(stored()).toEqual({ client_id: 'client-1', client_secret: 'cs-s3cr3t', username: 'svc' });

    // What a client shown the masked answer sends back: the mask, and a changed identifier.
    const sentBack = { ...created.body.credentials, client_id: 'client-2' };
    const updated = await mock.call('put', `/api/v1/integrations/${uuid}`, { uuid, credentials: sentBack });
    expect([updated.status, updated.body.message]).toEqual([200, undefined]);
    expect(updated.body.credentials).toEqual({
      client_id: 'client-2',
      client_secret: '********',
      username: 'svc',
    });
    expect(stored()).toEqual({ client_id: 'client-2', client_secret: 'cs-s3cr3t', username: 'svc' });

    // A new secret replaces the stored one.
    const rotated = { uuid, credentials: { ...sentBack, client_secret: 'rotated' } };
    expect((await mock.call('put', `/api/v1/integrations/${uuid}`, rotated)).status).toBe(200);
    expect(stored()).toMatchObject({ client_secret: 'rotated' });
  });
});
