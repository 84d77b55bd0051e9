import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

describe('Lacework Edge alert investigation', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  const alerts = () => mock.stored('alerts');
  const historyOf = async (uuid: unknown) =>
    (await mock.call('get', `/api/v1/alerts/${String(uuid)}/investigation_actions`)).body
      .investigation_actions as Entity[];

  it('seeds alerts whose owner and state agree with their history', async () => {
    for (const alert of alerts().slice(0, 15)) {
      const history = await historyOf(alert.uuid);
      const owners = history.filter((h) => (h.action as Entity).update_owner);
      if (alert.owner_uuid)
        expect((owners.at(-1)?.action as Entity).update_owner).toMatchObject({
          owner_uuid: alert.owner_uuid,
        });
      else expect(history).toEqual([]);
      const times = history.map((h) => Number(h.timestamp));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      if (alert.closed_time) expect(history.some((h) => (h.action as Entity).close_with_reason)).toBe(true);
    }
  });

  it('one action updates the alert and is appended to its history, attributed to the caller', async () => {
    const alert = alerts().find((a) => !a.owner_uuid) as Entity;
    const owner = mock.stored('users').find((u) => u.status === 2 && u.role === 2) as Entity;
    const before = await historyOf(alert.uuid);

    const assigned = await mock.call('post', `/api/v1/alerts/${String(alert.uuid)}/investigation_actions`, {
      action: { update_owner: { owner_uuid: owner.uuid } },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      alert_uuid: alert.uuid,
      history_item: { account_and_alert_uuid: `example:${String(alert.uuid)}` },
    });
    const stored = await mock.call('get', `/api/v1/alerts/${String(alert.uuid)}`);
    expect(stored.body).toMatchObject({ owner_uuid: owner.uuid, owner_display_name: owner.display_name });
    expect(stored.body.update_time).toBe(assigned.body.alert_update_time);
    expect(stored.body.assignment_time).toBe(assigned.body.alert_update_time);

    await mock.call('post', `/api/v1/alerts/${String(alert.uuid)}/investigation_actions`, {
      action: { close_with_reason: { incident_status: 2, note_text: 'False positive' } },
    });
    const closed = (await mock.call('get', `/api/v1/alerts/${String(alert.uuid)}`)).body;
    expect(closed.incident_status).toBe(2);
    expect(closed.closed_time).toBeGreaterThan(Number(alert.create_time));

    const after = await historyOf(alert.uuid);
    expect(after).toHaveLength(before.length + 2);
    expect(after.at(-2)).toMatchObject({
      action: { action_type: 3, update_owner: { owner_uuid: owner.uuid } },
    });
    expect(after.at(-1)).toMatchObject({ action: { action_type: 2 } });
    const caller = mock.stored('sessions').at(-1) as Entity;
    expect(after.at(-1)?.actor_uuid).toBe(caller.user_uuid);
  });

  it('bulk actions apply to each alert in order; an unknown alert applies nothing', async () => {
    const [a, b] = alerts();
    const bulk = await mock.call('post', '/api/v1/alerts/investigation_actions', {
      investigation_actions: [
        { alert_uuid: a.uuid, action: { alert_status_change: { new_status: 1 } } },
        { alert_uuid: b.uuid, action: { note: { note_text: 'Looking into it' } } },
      ],
    });
    expect(bulk.status).toBe(200);
    expect((bulk.body.responses as Entity[]).map((r) => r.alert_uuid)).toEqual([a.uuid, b.uuid]);
    expect((await mock.call('get', `/api/v1/alerts/${String(a.uuid)}`)).body.status).toBe(1);
    expect((await historyOf(b.uuid)).at(-1)).toMatchObject({
      action: { action_type: 4, note: { note_text: 'Looking into it' } },
    });

    const historyCount = mock.stored('alertHistory').length;
    const refused = await mock.call('post', '/api/v1/alerts/investigation_actions', {
      investigation_actions: [
        { alert_uuid: a.uuid, action: { alert_status_change: { new_status: 2 } } },
        { alert_uuid: 'no-such-alert', action: { note: { note_text: 'x' } } },
      ],
    });
    expect(refused.status).toBe(404);
    expect(mock.stored('alertHistory')).toHaveLength(historyCount);
    expect((await mock.call('get', `/api/v1/alerts/${String(a.uuid)}`)).body.status).toBe(1);
  });

  it('running a workflow from an alert starts a pending run recorded in the history', async () => {
    const alert = alerts()[2];
    const workflow = mock.stored('workflows')[0];
    const response = await mock.call('post', `/api/v1/alerts/${String(alert.uuid)}/investigation_actions`, {
      action: { run_workflow: { workflow_uuid: workflow.uuid } },
    });
    const runUuid = String(response.body.history_item.action.run_workflow.workflow_run_uuid);
    const run = await mock.call('get', `/api/v1/workflow_runs/${runUuid}`);
    expect(run.body).toMatchObject({ workflow_uuid: workflow.uuid, status: 1 });
    const unknown = await mock.call('post', `/api/v1/alerts/${String(alert.uuid)}/investigation_actions`, {
      action: { run_workflow: { workflow_uuid: 'nope' } },
    });
    expect(unknown.status).toBe(400);
  });

  it('answers 404 for the history of an unknown alert, 400 for an empty action', async () => {
    expect((await mock.call('get', '/api/v1/alerts/nope/investigation_actions')).status).toBe(404);
    expect(
      (await mock.call('post', '/api/v1/alerts/nope/investigation_actions', { action: { note: {} } })).status,
    ).toBe(404);
    const alert = alerts()[0];
    expect(
      (await mock.call('post', `/api/v1/alerts/${String(alert.uuid)}/investigation_actions`, { action: {} }))
        .status,
    ).toBe(400);
  });

  it('lists alerts in a time window, filtered by status', async () => {
    const all = alerts();
    const times = all.map((a) => Number(a.create_time)).sort((a, b) => a - b);
    const [from, to] = [times[5], times[20]];
    const listed = await mock.call(
      'get',
      `/api/v1/alerts?start_time=${from * 1000}&end_time=${to * 1000}&status_filter=`,
    );
    const expected = all.filter((a) => Number(a.create_time) >= from && Number(a.create_time) <= to);
    expect((listed.body.alerts as Entity[]).map((a) => a.uuid)).toEqual(expected.map((a) => a.uuid));
    const closed = await mock.call(
      'get',
      `/api/v1/alerts?start_time=0&end_time=4102444800000&status_filter=2`,
    );
    expect((closed.body.alerts as Entity[]).length).toBe(all.filter((a) => a.status === 2).length);
    expect((closed.body.alerts as Entity[]).every((a) => a.status === 2)).toBe(true);
    expect(
      (await mock.call('get', '/api/v1/alerts?start_time=yesterday&end_time=1&status_filter=')).status,
    ).toBe(400);
  });
});
