import { bareLaceworkMock, expectClean, laceworkJwt } from './helpers';

/**
 * The mock of the Lacework Edge spec over HTTP: the login JWT, the validation envelope, a round trip,
 * determinism. Each test makes its own mock and session (a seed of its own, or a login to count).
 */
describe('Lacework Edge', () => {
  it('refuses a call without the login JWT with 401 and the {message} envelope', async () => {
    const { http } = await bareLaceworkMock();
    const response = await http.get('/api/v1/users');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      message: "Missing credentials: send an 'Authorization: Bearer <token>' header.",
    });
  });

  it('lists every violation with its path in a 400 {message}', async () => {
    const { http } = await bareLaceworkMock();
    const auth = await laceworkJwt(http);
    const response = await http
      .post('/api/v1/users')
      .set(auth)
      .send({ account_name: 7, user: { display_name: 1, role: 'boss' } });
    expect(response.status).toBe(400);
    expect(response.body.message.split('; ')).toEqual(
      expect.arrayContaining(['body.account_name: must be string', 'body.user.display_name: must be string']),
    );
  });

  it('round trip: create, read, list, partially update (attributes_to_delete) a user; register and delete a device', async () => {
    const { http } = await bareLaceworkMock();
    const auth = await laceworkJwt(http);
    const created = await http
      .post('/api/v1/users')
      .set(auth)
      .send({ account_name: 'example', user: { display_name: 'Ada Lovelace', location: 'London', role: 2 } });
    expect(created.status).toBe(200);
    expectClean(created);
    const uuid = created.body.user.uuid as string;
    expect((await http.get(`/api/v1/users/${uuid}`).set(auth)).body).toMatchObject({
      uuid,
      display_name: 'Ada Lovelace',
      location: 'London',
    });
    expect(
      (await http.get('/api/v1/users').set(auth)).body.users.some((u: { uuid: string }) => u.uuid === uuid),
    ).toBe(true);
    const updated = await http
      .put(`/api/v1/users/${uuid}`)
      .set(auth)
      .send({ user: { display_name: 'Ada King' }, attributes_to_delete: ['location'] });
    expect(updated.status).toBe(200);
    const read = (await http.get(`/api/v1/users/${uuid}`).set(auth)).body;
    expect(read.display_name).toBe('Ada King');
    expect(read).not.toHaveProperty('location');

    const device = await http
      .post('/api/v1/devices')
      .set(auth)
      .send({ account_name: 'example', device: { user_uuid: uuid, name: 'laptop' } });
    expect(device.status).toBe(201);
    const deviceUuid = device.body.uuid as string;
    expect((await http.get(`/api/v1/devices/${deviceUuid}`).set(auth)).status).toBe(200);
    expect(
      (
        await http
          .delete('/api/v1/devices')
          .set(auth)
          .send({ account_name: 'example', devices: [{ user_uuid: uuid, uuid: deviceUuid }] })
      ).status,
    ).toBe(200);
    expect((await http.get(`/api/v1/devices/${deviceUuid}`).set(auth)).status).toBe(404);
  });

  it('serves the same directory for the same seed and another one for another seed', async () => {
    const users = async (seed: number) => {
      const { http } = await bareLaceworkMock({ seed });
      return (await http.get('/api/v1/users').set(await laceworkJwt(http))).text;
    };
    const [a, b, c] = [await users(1), await users(1), await users(5)];
    expect(JSON.parse(a).users.length).toBeGreaterThan(20);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
