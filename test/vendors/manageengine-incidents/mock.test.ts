import type request from 'supertest';
import { authHeaders } from '../../helpers/credentials';
import { VENDOR_SPECS } from '../../helpers/paths';
import { manageEngineMock, ME_KEY } from './helpers';

/** The mock of the ManageEngine incidents spec over HTTP: auth, the validation envelope, a round trip, reset. */
describe('ManageEngine incidents', () => {
  it('refuses a token without the scope with 401 and the flat envelope', async () => {
    const { http } = await manageEngineMock();
    const response = await http
      .post('/api/v2/incident')
      .set(authHeaders(VENDOR_SPECS.manageEngine, { scopes: ['incident.READ'] }))
      .send({ name: 'x' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: '07001113',
      title: 'Unauthorized',
      detail: 'The credential lacks the scope incident.CREATE.',
    });
  });

  it('lists every violation with its path in the nested 400 envelope', async () => {
    const { http } = await manageEngineMock();
    const response = await http
      .post('/api/v2/incident')
      .set(ME_KEY)
      .send({ severity: 'urgent', assignee: 'bob', notes: 'x' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('07001110');
    expect(response.body.error.detail.split('; ')).toEqual(
      expect.arrayContaining([
        'body.name: is required',
        'body.severity: must be one of "critical", "trouble", "attention"',
        'body.assignee: must be integer',
        'body.notes: must be array',
      ]),
    );
  });

  it('round trip: create, read, list, update, delete, then read is 404', async () => {
    const { http } = await manageEngineMock();
    const created = await http
      .post('/api/v2/incident')
      .set(ME_KEY)
      .send({ name: 'Round trip', severity: 'critical' });
    const id = created.body.data.incident_id as number;
    const read = await http.get(`/api/v2/incident/${id}`).set(ME_KEY);
    expect(read.body.data).toMatchObject({
      incident_id: id,
      incident_name: 'Round trip',
      severity: 'Critical',
      status: 'Open',
    });
    expect((await http.get('/api/v2/incident?limit=1').set(ME_KEY)).body.data[0].incident_id).toBe(id);
    await http
      .put('/api/v2/incident')
      .set(ME_KEY)
      .send({ incident_id: id, name: 'Round trip', status: 'in_progress' });
    expect((await http.get(`/api/v2/incident/${id}`).set(ME_KEY)).body.data.status).toBe('In Progress');
    expect(
      (
        await http
          .delete('/api/v2/incident')
          .set(ME_KEY)
          .send({ incident_ids: [id] })
      ).status,
    ).toBe(200);
    const gone = await http.get(`/api/v2/incident/${id}`).set(ME_KEY);
    expect(gone.status).toBe(404);
    expect(gone.body.error.title).toBe('Not Found');
  });

  it('answers byte-identical lists for the same seed, different ones for another seed, and reset restores them', async () => {
    const list = async (http: ReturnType<typeof request>) =>
      (await http.get('/api/v2/incident?limit=100').set(ME_KEY)).text;
    const [a, b, c] = await Promise.all([1, 1, 3].map((seed) => manageEngineMock({ seed })));
    const fixtures = await list(a.http);
    expect(JSON.parse(fixtures).meta.total_items).toBeGreaterThanOrEqual(150);
    expect(await list(b.http)).toBe(fixtures);
    expect(await list(c.http)).not.toBe(fixtures);
    await a.http
      .delete('/api/v2/incident')
      .set(ME_KEY)
      .send({ incident_ids: [JSON.parse(fixtures).data[0].incident_id] });
    expect(await list(a.http)).not.toBe(fixtures);
    await a.http.post('/__secmock/reset');
    expect(await list(a.http)).toBe(fixtures);
  });
});
