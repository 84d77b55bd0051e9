import { createMockApp, MockOptionsError } from '../../src';
import { authHeaders } from '../helpers/credentials';
import { specMock } from '../helpers/mock';
import { VENDOR_SPECS } from '../helpers/paths';
import { laceworkJwt } from '../vendors/lacework-edge/helpers';

/**
 * Every kind of write is bounded, not only creates: what a behaviour appends (Lacework's alert history,
 * ManageEngine's notes) is refused in the vendor's envelope once full, and the refused request changes
 * nothing, not even the writes it made before the one that did not fit.
 */
describe('writes other than creates are bounded', () => {
  it('Lacework: an alert action whose history entry does not fit is refused, and the alert is unchanged', async () => {
    const probe = await specMock(VENDOR_SPECS.lacework);
    const historySize = probe.app.mock.store.collection('alertHistory').size;
    // Room for exactly two more history entries (larger collections only refuse new entities of their own).
    const { app, http } = await specMock(VENDOR_SPECS.lacework, {
      limits: { maxCollectionSize: historySize + 2, maxIssuedCredentials: 1 },
    });
    const auth = await laceworkJwt(http);
    const alert = app.mock.store.collection('alerts').list()[0] as { uuid: string };
    const act = (status: number) =>
      http
        .post(`/api/v1/alerts/${alert.uuid}/investigation_actions`)
        .set(auth)
        .send({ action: { alert_status_change: { new_status: status } } });
    expect((await act(2)).status).toBe(200);
    expect((await act(1)).status).toBe(200);
    const before = JSON.stringify(app.mock.store.collection('alerts').get(alert.uuid));
    const revision = app.mock.store.revision;
    const full = await act(2);
    expect(full.status).toBeGreaterThanOrEqual(400);
    expect(full.status).toBeLessThan(500);
    expect(full.body.message).toMatch(/alertHistory already holds the maximum of \d+ entities/);
    expect(JSON.stringify(app.mock.store.collection('alerts').get(alert.uuid))).toBe(before);
    expect(app.mock.store.collection('alertHistory').size).toBe(historySize + 2);
    expect(app.mock.store.revision).toBe(revision);
  });

  it('ManageEngine: notes past the list bound are refused in the vendor envelope, the incident unchanged', async () => {
    const { app, http } = await specMock(VENDOR_SPECS.manageEngine, { limits: { maxListItems: 3 } });
    const auth = authHeaders(VENDOR_SPECS.manageEngine);
    const created = await http
      .post('/api/v2/incident')
      .set(auth)
      .send({ name: 'Bounded notes', notes: ['one'] });
    expect(created.body).toMatchObject({ data: { message: expect.any(String) } });
    const id = created.body.data.incident_id as number;
    const addNotes = (...notes: string[]) =>
      http.put('/api/v2/incident').set(auth).send({ incident_id: id, name: 'Bounded notes', notes });
    // Each update appends a note and an activity entry: the lists fill within a few updates.
    let answer = await addNotes('note 1');
    for (let n = 2; answer.status === 200 && n <= 5; n++) {
      const stored = JSON.stringify(app.mock.store.collection('incidents').get(id));
      answer = await addNotes(`note ${n}`);
      if (answer.status !== 200)
        expect(JSON.stringify(app.mock.store.collection('incidents').get(id))).toBe(stored);
    }
    expect(answer.status).toBe(400);
    expect(answer.body.error.detail).toMatch(/(notes|activity) would hold more than the maximum of 3 items/);
    const lists = app.mock.store.collection('incidents').get(id) as Record<string, unknown[]>;
    expect(lists.notes.length).toBeLessThanOrEqual(3);
  });
});

describe('the bytes requests add to the store are bounded', () => {
  it('ManageEngine: big incidents are stored until the bound, then refused; a delete makes room again', async () => {
    const { app, http } = await specMock(VENDOR_SPECS.manageEngine, {
      limits: { maxWrittenBytes: 1_048_576 },
    });
    const auth = authHeaders(VENDOR_SPECS.manageEngine);
    const create = (n: number) =>
      http
        .post('/api/v2/incident')
        .set(auth)
        .send({ name: `big ${n}`, description: 'x'.repeat(200_000) });
    const created: number[] = [];
    let answer = await create(0);
    for (let n = 1; answer.status === 200 && n < 20; n++) {
      created.push(answer.body.data.incident_id as number);
      answer = await create(n);
    }
    // Five of about 200 KB fit in 1 MB; the sixth is refused in the vendor's envelope, nothing stored.
    expect(created).toHaveLength(5);
    expect(answer.status).toBe(400);
    expect(answer.body.error.detail).toMatch(
      /the mock already holds \d\.\d MB of written data, the most it keeps \(1\.0 MB\)/,
    );
    expect(app.mock.store.writtenBytes).toBeLessThanOrEqual(1_048_576);
    const deleted = await http
      .delete('/api/v2/incident')
      .set(auth)
      .send({ incident_ids: [created[0]] });
    expect(deleted.status).toBe(200);
    expect((await create(99)).status).toBe(200);
  });
});

describe('limits that depend on each other are checked when the mock is built', () => {
  it('refuses a collection bound at or below the issued-credential bound, naming both', async () => {
    // Lacework mints a session at each login and stores it; ManageEngine's tokens are configured, not stored.
    await expect(
      createMockApp({
        specs: [VENDOR_SPECS.manageEngine],
        limits: { maxCollectionSize: 10, maxIssuedCredentials: 10 },
      }),
    ).resolves.toBeDefined();
    await expect(
      createMockApp({
        specs: [VENDOR_SPECS.lacework],
        limits: { maxCollectionSize: 10, maxIssuedCredentials: 10 },
      }),
    ).rejects.toThrow(
      new MockOptionsError(
        'limits.maxCollectionSize (10) must be larger than limits.maxIssuedCredentials (10): issued credentials ' +
          'are stored in a collection, and a full one would refuse logins',
      ),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %p', async (value) => {
    await expect(
      createMockApp({ specs: [VENDOR_SPECS.manageEngine], limits: { maxListItems: value } }),
    ).rejects.toThrow(`limits.maxListItems must be a whole number of at least 1, not ${String(value)}`);
  });
});
