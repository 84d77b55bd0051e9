import { laceworkMock, type Entity, type LaceworkMock } from './helpers';

const PENDING = 1;
const SUCCESS = 2;
const FAILURE = 3;
const UNSURE = 4;

describe('Lacework Edge workflow runs', () => {
  let mock: LaceworkMock;
  beforeAll(async () => {
    mock = await laceworkMock();
  });
  beforeEach(() => mock.reset());

  const workflow = (match: (w: Entity) => boolean) => mock.stored('workflows').find(match) as Entity;
  const createRun = async (workflowUuid: unknown, extra: Entity = {}) =>
    (
      await mock.call('post', '/api/v1/workflow_runs', {
        workflow_run: { workflow_uuid: workflowUuid, ...extra },
      })
    ).body as Entity;

  it('a created run is PENDING with its workflow rules; approving it moves it to SUCCESS once', async () => {
    const plain = workflow((w) => w.token_required === false && w.justification_required === true);
    const run = await createRun(plain.uuid, { app_host: 'github.com' });
    expect(run).toMatchObject({
      status: PENDING,
      workflow_name: plain.name,
      justification_required: true,
      token_required: false,
    });
    expect(Number(run.expire_time_sec)).toBeGreaterThan(Number(run.create_time));

    const noReason = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      answer_index: '0',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/justification/);

    const approved = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      answer_index: '0',
      justification: 'Known engineer',
    });
    expect(approved.status).toBe(200);
    const caller = mock.stored('sessions').at(-1) as Entity;
    expect(approved.body).toMatchObject({
      status: SUCCESS,
      answer_index: '0',
      approver_justification: 'Known engineer',
      approver_uuid: caller.user_uuid,
    });
    expect((await mock.call('get', `/api/v1/workflow_runs/${String(run.uuid)}`)).body.status).toBe(SUCCESS);

    const again = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      answer_index: '1',
      justification: 'x',
    });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already answered/);
  });

  it('deny and unsure lead to FAILURE and UNSURE; a token-protected run needs its token', async () => {
    const plain = workflow((w) => w.token_required === false && w.justification_required === false);
    const denied = await createRun(plain.uuid);
    expect(
      (await mock.call('post', `/api/v1/workflow_runs/${String(denied.uuid)}/answer`, { answer_index: '1' }))
        .body.status,
    ).toBe(FAILURE);
    const unsure = await createRun(plain.uuid);
    expect(
      (await mock.call('post', `/api/v1/workflow_runs/${String(unsure.uuid)}/answer`, { answer_index: '2' }))
        .body.status,
    ).toBe(UNSURE);
    expect(
      (await mock.call('post', `/api/v1/workflow_runs/${String(unsure.uuid)}/answer`, { answer_index: '9' }))
        .status,
    ).toBe(400);

    const guarded = workflow((w) => w.token_required === true && w.justification_required === false);
    const run = await createRun(guarded.uuid);
    expect(run.token).toEqual(expect.any(Number));
    const wrong = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      token: Number(run.token) + 1,
    });
    expect(wrong.status).toBe(400);
    // No answer_index: the workflow's default answer applies.
    const right = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      token: run.token,
    });
    expect(right.body).toMatchObject({ status: SUCCESS, answer_index: guarded.default_answer_index });
  });

  it('an expired run cannot be answered', async () => {
    const short = workflow((w) => w.execution_ttl_sec === 3600);
    const run = await createRun(short.uuid);
    await mock.http.post('/__secmock/clock').send({ advanceMs: 3_601_000 });
    const late = await mock.call('post', `/api/v1/workflow_runs/${String(run.uuid)}/answer`, {
      token: run.token,
      justification: 'late',
    });
    expect(late.status).toBe(400);
    expect(late.body.message).toMatch(/expired/);
  });

  it('lists runs by state name and by workflow; answering moves a run between the lists', async () => {
    const seeded = mock.stored('workflowRuns');
    const pending = (await mock.call('get', '/api/v1/workflow_runs?status=PENDING')).body
      .workflow_runs as Entity[];
    expect(pending.length).toBe(seeded.filter((r) => r.status === PENDING).length);
    expect(pending.length).toBeGreaterThan(0);
    const target =
      pending.find((r) => r.token_required === false && r.justification_required === false) ?? pending[0];
    await mock.call('post', `/api/v1/workflow_runs/${String(target.uuid)}/answer`, {
      answer_index: '0',
      justification: 'ok',
      token: target.token,
    });
    const after = (await mock.call('get', '/api/v1/workflow_runs?status=PENDING')).body
      .workflow_runs as Entity[];
    expect(after.map((r) => r.uuid)).not.toContain(target.uuid);
    const succeeded = (await mock.call('get', '/api/v1/workflow_runs?status=SUCCESS')).body
      .workflow_runs as Entity[];
    expect(succeeded.map((r) => r.uuid)).toContain(target.uuid);
    const byWorkflow = (
      await mock.call('get', `/api/v1/workflow_runs?workflow_uuid=${String(target.workflow_uuid)}`)
    ).body.workflow_runs as Entity[];
    expect(byWorkflow.every((r) => r.workflow_uuid === target.workflow_uuid)).toBe(true);
  });

  it('refuses a run of an unknown workflow and answers 404 for an unknown run', async () => {
    expect(
      (await mock.call('post', '/api/v1/workflow_runs', { workflow_run: { workflow_uuid: 'nope' } })).status,
    ).toBe(400);
    expect((await mock.call('post', '/api/v1/workflow_runs/nope/answer', { answer_index: '0' })).status).toBe(
      404,
    );
  });
});
