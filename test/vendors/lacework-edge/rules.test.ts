import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { Operation } from '../../../src/openapi/model';
import { SchemaCompiler } from '../../../src/schema/compile';
import { compileRequestValidator, type RequestCheck } from '../../../src/validate/request';
import { VENDOR_SPECS } from '../../helpers/paths';
import { laceworkMock, WINDOW, type Entity, type LaceworkMock } from './helpers';

/**
 * The Lacework Edge mock refuses exactly what its contract declares. Every rule a behaviour used to enforce on
 * the shape of a request (non-empty lists and keys, the alert each batch entry names, the formats of list
 * filters, times and answer indexes) is a keyword of the request schema: the contract itself forbids the
 * bad value (checked with the mock's own request validator, at the vendor level it enforces by default), and
 * the mock refuses it with 400 in the vendor's `{message}` envelope, naming the field, storing nothing. A
 * value the contract allows is taken. What depends on the stored state (a user, alert, workflow or device that
 * must exist, a run already answered, a key already taken) is a behavioural precondition: the contract
 * allows the request, and the operation's description documents the refusal and its status.
 */
type Method = 'get' | 'post' | 'put' | 'delete';

interface Probe {
  operationId: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const compilers = { coercing: new SchemaCompiler({ coerceTypes: true }), strict: new SchemaCompiler() };

type RawPaths = Record<string, Record<string, { description?: string }>>;
const rawPaths = (load(readFileSync(VENDOR_SPECS.lacework, 'utf8')) as { paths: RawPaths }).paths;
/** The operation's description in the spec: where its behavioural preconditions are documented. */
const descriptionOf = (operation: Operation) => rawPaths[operation.path][operation.method].description ?? '';

describe('Lacework Edge: what the mock refuses is what the contract declares', () => {
  let mock: LaceworkMock;
  let auth: { authorization: string };
  const operations = new Map<string, Operation>();

  beforeAll(async () => {
    mock = await laceworkMock();
    for (const operation of mock.app.mock.operationsOf('lacework-edge'))
      operations.set(operation.operationId, operation);
  });
  beforeEach(async () => {
    await mock.reset();
    auth = { authorization: `Bearer ${String((await mock.tokenLogin()).body.token)}` };
  });

  const operation = (id: string): Operation => {
    const found = operations.get(id);
    if (!found) throw new Error(`no operation ${id}`);
    return found;
  };
  const pathOf = (probe: Probe) =>
    operation(probe.operationId).path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(probe.params?.[name] ?? ''),
    );

  /** The contract's own verdict, both levels as the mock applies them (no HTTP, no behaviour). */
  function contract(probe: Probe): RequestCheck {
    const op = operation(probe.operationId);
    const validate = compileRequestValidator(op, compilers);
    return validate(
      {
        method: op.method,
        path: pathOf(probe),
        query: probe.query ?? {},
        headers: probe.body === undefined ? {} : { 'content-type': 'application/json' },
        rawBody: probe.body === undefined ? undefined : JSON.stringify(probe.body),
      },
      probe.params ?? {},
    );
  }

  /** Sends the probe over HTTP; `changed` says whether the store moved (any write, the clock included). */
  async function send(probe: Probe) {
    const op = operation(probe.operationId);
    let pending = mock.http[op.method as Method](pathOf(probe))
      .query(probe.query ?? {})
      .set(auth);
    if (probe.body !== undefined) pending = pending.send(probe.body as object);
    const revision = mock.app.mock.store.revision;
    const response = await pending;
    expect(response.headers['x-secmock-violations']).toBeUndefined();
    return { response, changed: mock.app.mock.store.revision !== revision };
  }

  /** Forbidden by the contract (naming `field`), and refused by the mock: 400 {message} naming it, nothing stored. */
  async function expectForbidden(probe: Probe, field: string) {
    const verdict = contract(probe);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.violations.map((v) => v.path)).toContain(field);
    const { response, changed } = await send(probe);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body as Entity)).toEqual(['message']);
    expect(String(response.body.message)).toContain(`${field}:`);
    expect(changed).toBe(false);
  }

  /** Allowed by the contract, and taken by the mock with the operation's success status. */
  async function expectAllowed(probe: Probe, status = 200) {
    expect(contract(probe)).toMatchObject({ ok: true, departures: [] });
    const { response } = await send(probe);
    expect([response.status, response.body]).toEqual([status, expect.anything()]);
    return response;
  }

  /** Allowed by the contract, refused for the stored state as the operation documents it. */
  async function expectPrecondition(probe: Probe, status: number, mentions: string) {
    expect(contract(probe)).toMatchObject({ ok: true });
    const op = operation(probe.operationId);
    expect(op.responses.map((r) => Number(r.status))).toContain(status);
    expect(descriptionOf(op)).toMatch(/[Bb]ehavioural preconditions?:/);
    const { response, changed } = await send(probe);
    expect(response.status).toBe(status);
    expect(String(response.body.message)).toContain(mentions);
    expect(changed).toBe(false);
  }

  const stored = (resource: string) => mock.stored(resource);
  const first = (resource: string) => String(stored(resource)[0][resource === 'blobs' ? 'key' : 'uuid']);
  const activeUser = () => String(stored('users').find((u) => u.status === 2)?.uuid);

  describe('blobs and connectors are stored under a key the client gives', () => {
    it('createBlob: `key` is required and not empty; a key already stored is a precondition', async () => {
      await expectForbidden({ operationId: 'createBlob', body: { data: 'x' } }, 'body.key');
      await expectForbidden({ operationId: 'createBlob', body: { key: '', data: 'x' } }, 'body.key');
      await expectAllowed({ operationId: 'createBlob', body: { key: 'k', data: 'x' } });
      await expectPrecondition(
        { operationId: 'createBlob', body: { key: first('blobs'), data: 'x' } },
        400,
        'already exists',
      );
    });

    it('createConnector: `unique_name` is not empty; a name already stored is a precondition', async () => {
      await expectForbidden(
        { operationId: 'createConnector', body: { unique_name: '' } },
        'body.unique_name',
      );
      await expectAllowed({ operationId: 'createConnector', body: { unique_name: 'c' } }, 201);
      const taken = String(stored('connectors')[0].unique_name);
      await expectPrecondition(
        { operationId: 'createConnector', body: { unique_name: taken } },
        400,
        'already exists',
      );
    });
  });

  describe('lists in request bodies are not empty and each entry names its object', () => {
    it('deleteDevices: `devices` is required, not empty, and each entry has a `uuid`', async () => {
      const device = stored('devices')[0];
      await expectForbidden({ operationId: 'deleteDevices', body: {} }, 'body.devices');
      await expectForbidden({ operationId: 'deleteDevices', body: { devices: [] } }, 'body.devices');
      await expectForbidden(
        { operationId: 'deleteDevices', body: { devices: [{ user_uuid: device.user_uuid }] } },
        'body.devices[0].uuid',
      );
      await expectForbidden(
        { operationId: 'deleteDevices', body: { devices: [{ uuid: '' }] } },
        'body.devices[0].uuid',
      );
      await expectPrecondition(
        { operationId: 'deleteDevices', body: { devices: [{ uuid: 'no-such-device' }] } },
        404,
        'no-such-device',
      );
      await expectAllowed({ operationId: 'deleteDevices', body: { devices: [{ uuid: device.uuid }] } });
    });

    it('performAlertInvestigationActions: a non-empty `investigation_actions`, each with its `alert_uuid`', async () => {
      const alert = first('alerts');
      const note = { note: { note_text: 'seen' } };
      const probe = (investigation_actions: unknown): Probe => ({
        operationId: 'performAlertInvestigationActions',
        body: { investigation_actions },
      });
      await expectForbidden(
        { operationId: 'performAlertInvestigationActions', body: {} },
        'body.investigation_actions',
      );
      await expectForbidden(probe([]), 'body.investigation_actions');
      await expectForbidden(probe([{ action: note }]), 'body.investigation_actions[0].alert_uuid');
      await expectForbidden(
        probe([
          { action: note, alert_uuid: alert },
          { action: note, alert_uuid: '' },
        ]),
        'body.investigation_actions[1].alert_uuid',
      );
      await expectForbidden(probe([{ alert_uuid: alert }]), 'body.investigation_actions[0].action');
      await expectForbidden(
        probe([{ alert_uuid: alert, action: { action_type: 4 } }]),
        'body.investigation_actions[0].action',
      );
      await expectPrecondition(probe([{ action: note, alert_uuid: 'no-such-alert' }]), 404, 'no-such-alert');
      const done = await expectAllowed(probe([{ action: note, alert_uuid: alert }]));
      expect(done.body.responses).toHaveLength(1);
    });

    it('performAlertInvestigationAction: an `action` carrying one of its sub-objects', async () => {
      const probe = (body: unknown): Probe => ({
        operationId: 'performAlertInvestigationAction',
        params: { uuid: first('alerts') },
        body,
      });
      await expectForbidden(probe({}), 'body.action');
      await expectForbidden(probe({ action: {} }), 'body.action');
      await expectForbidden(probe({ action: { action_type: 1 } }), 'body.action');
      await expectAllowed(probe({ action: { alert_status_change: { new_status: 1 } } }));
    });
  });

  describe('what an action or request refers to must be stored: documented preconditions', () => {
    it('an investigation action names a stored owner, workflow and run user (400, nothing applied)', async () => {
      const probe = (action: unknown): Probe => ({
        operationId: 'performAlertInvestigationAction',
        params: { uuid: first('alerts') },
        body: { action },
      });
      const workflow = first('workflows');
      await expectPrecondition(probe({ update_owner: { owner_uuid: 'nobody' } }), 400, 'owner_uuid');
      await expectPrecondition(probe({ run_workflow: { workflow_uuid: 'nothing' } }), 400, 'workflow');
      // A run for a user who is not stored used to be recorded as a run 'undefined'; now it is refused.
      await expectPrecondition(
        probe({ run_workflow: { workflow_uuid: workflow, workflow_run: { user_uuid: 'nobody' } } }),
        400,
        'user_uuid',
      );
      const runs = stored('workflowRuns').length;
      const started = await expectAllowed(
        probe({ run_workflow: { workflow_uuid: workflow, workflow_run: { user_uuid: activeUser() } } }),
      );
      const runUuid = (started.body.history_item.action as Entity).run_workflow as Entity;
      expect(stored('workflowRuns')).toHaveLength(runs + 1);
      expect(stored('workflowRuns').map((r) => r.uuid)).toContain(runUuid.workflow_run_uuid);
    });

    it('tokens, devices and workflow runs name stored users and workflows', async () => {
      await expectForbidden({ operationId: 'createTemporaryToken', body: {} }, 'body.user_uuid');
      await expectForbidden(
        { operationId: 'createTemporaryToken', body: { user_uuid: '' } },
        'body.user_uuid',
      );
      await expectPrecondition(
        { operationId: 'createTemporaryToken', body: { user_uuid: 'nobody' } },
        400,
        'user_uuid',
      );
      await expectAllowed({ operationId: 'createTemporaryToken', body: { user_uuid: activeUser() } }, 201);
      await expectPrecondition(
        { operationId: 'createToken', body: { user_uuid: 'nobody' } },
        400,
        'user_uuid',
      );
      await expectPrecondition(
        { operationId: 'registerDevice', body: { device: { user_uuid: 'nobody' } } },
        400,
        'user_uuid',
      );
      await expectPrecondition(
        { operationId: 'createWorkflowRun', body: { workflow_run: { workflow_uuid: 'nothing' } } },
        400,
        'workflow_uuid',
      );
    });

    it('group tags, access lists and policy selectors name stored objects (400, nothing stored)', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      await expectPrecondition(
        { operationId: 'createUser', body: { user: { display_name: 'X', tags: [`group:${missing}`] } } },
        400,
        missing,
      );
      await expectPrecondition(
        { operationId: 'createAccess', body: { app_list: [first('apps')], user_list: [missing] } },
        400,
        missing,
      );
      await expectPrecondition(
        {
          operationId: 'createPolicy',
          body: { name: 'p', app_filter: { include_any: [{ all: [`app:${missing}`] }] } },
        },
        400,
        missing,
      );
    });
  });

  describe('answer indexes are digits', () => {
    it('answerWorkflowRun: `answer_index` is digits or empty; the answer must exist for the run', async () => {
      const now = mock.app.mock.clock.now() / 1000;
      const pending = stored('workflowRuns').find(
        (r) => r.status === 1 && !r.token_required && Number(r.expire_time_sec) > now + 3600,
      ) as Entity;
      const probe = (body: Entity): Probe => ({
        operationId: 'answerWorkflowRun',
        params: { uuid: String(pending.uuid) },
        body: { justification: 'approved', ...body },
      });
      for (const index of ['first', '1.0', '-1', ' 1', '0x1'])
        await expectForbidden(probe({ answer_index: index }), 'body.answer_index');
      await expectPrecondition(probe({ answer_index: '7' }), 400, 'answer_index 7 is out of range');
      const workflow = stored('workflows').find((w) => w.uuid === pending.workflow_uuid) as Entity;
      if (!workflow.default_answer_index)
        await expectPrecondition(probe({ answer_index: '' }), 400, 'answer_index is required');
      const answered = await expectAllowed(probe({ answer_index: '00' }));
      expect(answered.body).toMatchObject({ answer_index: '0', status: 2 });
      await expectPrecondition(probe({ answer_index: '1' }), 400, 'already answered');
    });
  });

  describe('list filters take what their patterns declare', () => {
    it.each(['listUsers', 'listGroups', 'listApps'])(
      '%s: `status` names in capitals or numbers, `datasource` numbers, comma-separated',
      async (operationId) => {
        for (const status of ['active', 'SLEEPING', 'ACTIVE;INIT', '-1', 'constructor'])
          await expectForbidden({ operationId, query: { status } }, 'query.status');
        for (const datasource of ['okta', '1.5', '-'])
          await expectForbidden({ operationId, query: { datasource } }, 'query.datasource');
        for (const status of ['', 'ACTIVE', ' ACTIVE , 3,,', '2,DELETED'])
          await expectAllowed({ operationId, query: { status } });
        for (const datasource of ['', '0', ' 0 , 103 ,'])
          await expectAllowed({ operationId, query: { datasource } });
      },
    );

    it('the filters select what they name', async () => {
      const users = stored('users');
      const listed = await expectAllowed({ operationId: 'listUsers', query: { status: ' SUSPENDED , 1,' } });
      expect((listed.body.users as Entity[]).map((u) => u.uuid)).toEqual(
        users.filter((u) => u.status === 3 || u.status === 1).map((u) => u.uuid),
      );
    });
  });

  describe('times are epoch digits or RFC 3339 text', () => {
    const alertsWindow = (start_time: string, end_time: string): Probe => ({
      operationId: 'listAlerts',
      query: { start_time, end_time, status_filter: '' },
    });

    it('listAlerts: `start_time` and `end_time` are epoch milliseconds or RFC 3339', async () => {
      for (const bad of ['yesterday', '-1', '1.5', '2027-02-30T00:00:00Z', '2025-09-09T10:00:00', ''])
        await expectForbidden(alertsWindow(bad, '4102444800000'), 'query.start_time');
      await expectForbidden(alertsWindow('0', '2025-13-01'), 'query.end_time');
      await expectForbidden(alertsWindow('0', 'Tue, 09 Sep 2025 18:00:00 GMT'), 'query.end_time');
      const alerts = stored('alerts');
      const times = alerts.map((a) => Number(a.create_time)).sort((a, b) => a - b);
      const [from, to] = [times[5], times[20]];
      const expected = alerts
        .filter((a) => Number(a.create_time) >= from && Number(a.create_time) <= to)
        .map((a) => a.uuid);
      const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
      const offset = (seconds: number) => iso(seconds + 7200).replace(/\.000Z$/, '+02:00');
      for (const [start, end] of [
        [String(from * 1000), String(to * 1000)],
        [iso(from), iso(to)],
        [offset(from), offset(to)],
      ]) {
        const listed = await expectAllowed(alertsWindow(start, end));
        expect((listed.body.alerts as Entity[]).map((a) => a.uuid)).toEqual(expected);
      }
      for (const edge of ['2028-02-29', '2028-02-29T10:00:00Z', '2016-12-31T23:59:60Z'])
        await expectAllowed(alertsWindow(edge, '4102444800000'));
    });

    it('listAuditEvents: `start_time` (required) and `end_time` are epoch seconds or milliseconds, or RFC 3339', async () => {
      await expectForbidden({ operationId: 'listAuditEvents', query: {} }, 'query.start_time');
      for (const bad of ['soon', '-5', '1e9', '2025-02-29'])
        await expectForbidden(
          { operationId: 'listAuditEvents', query: { start_time: bad } },
          'query.start_time',
        );
      await expectForbidden(
        { operationId: 'listAuditEvents', query: { start_time: '0', end_time: '1.5' } },
        'query.end_time',
      );
      const all = await expectAllowed({ operationId: 'listAuditEvents', query: { start_time: '0' } });
      expect(all.body.audit_events).toHaveLength(stored('auditEvents').length);
      const seconds = await expectAllowed({
        operationId: 'listAuditEvents',
        query: { start_time: '1757000000', end_time: '1757300000' },
      });
      const millis = await expectAllowed({
        operationId: 'listAuditEvents',
        query: { start_time: '2025-09-04T15:33:20Z', end_time: '1757300000000' },
      });
      expect(millis.body).toEqual(seconds.body);
      await expectAllowed({ operationId: 'listAuditEvents', query: { start_time: '2025-09-09' } });
    });

    it('the QS views take the same times', async () => {
      const [start, end] = WINDOW.slice(1)
        .split('&')
        .map((p) => p.split('=')[1]);
      await expectForbidden(
        {
          operationId: 'queryQsView',
          params: { view: 'sessions' },
          query: { start_time: 'x', end_time: end },
        },
        'query.start_time',
      );
      await expectAllowed({
        operationId: 'queryQsView',
        params: { view: 'sessions' },
        query: { start_time: start, end_time: end },
      });
    });
  });
});
