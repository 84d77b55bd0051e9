import type { Entity } from '../../../state';
import { publicIpv4 } from '../../../generate';
import { STATUS, save } from '../common';
import { adminOf, creationTimes, existingAt, listOf, store, type Seeding } from './common';
import { RUN_STATUS, expiryOf } from '../behaviours/workflows';

/**
 * Seeded workflow runs: users asking for access to apps through the seeded workflows. Older runs were
 * answered (the approver, the answer and the resulting state agree); recent ones still wait, unexpired.
 */
const ANSWERED = [
  { index: '0', status: RUN_STATUS.SUCCESS, weight: 6 },
  { index: '1', status: RUN_STATUS.FAILURE, weight: 2 },
  { index: '2', status: RUN_STATUS.UNSURE, weight: 1 },
];

function runFields(seeding: Seeding, workflow: Entity, user: Entity, app: Entity): Entity {
  const { faker } = seeding;
  const device = listOf(seeding, 'devices').find((d) => d.user_uuid === user.uuid);
  return {
    workflow_uuid: workflow.uuid,
    workflow_name: workflow.name,
    user_uuid: user.uuid,
    user_display_name: user.display_name,
    app_uuid: app.uuid,
    app_host: app.host,
    app_port: app.port,
    app_protocol: app.protocol,
    app_url: `https://${String(app.host)}/`,
    device_uuid: device?.uuid,
    client_ip: publicIpv4(faker),
    answers: workflow.answers,
    recipients: workflow.recipients,
    justification_required: workflow.justification_required,
    requestor_justification: faker.helpers.arrayElement([
      'Need to review the quarterly numbers.',
      'On-call incident investigation.',
      'Customer escalation, need read access.',
      'Deploying the hotfix.',
    ]),
    text: `${String(user.display_name)} requests access to ${String(app.name)}`,
    token_required: workflow.token_required,
    approval_ttl_sec: workflow.approval_ttl_sec,
    execution_ttl_sec: workflow.execution_ttl_sec,
  };
}

function answer(seeding: Seeding, run: Entity, approver: Entity | undefined, created: number): Entity {
  const choice = seeding.faker.helpers.weightedArrayElement(
    ANSWERED.map((a) => ({ value: a, weight: a.weight })),
  );
  return {
    ...run,
    status: choice.status,
    answer_index: choice.index,
    approver_uuid: approver?.uuid,
    approver_display_name: approver?.display_name,
    approver_justification:
      choice.status === RUN_STATUS.SUCCESS ? 'Approved for the stated reason.' : 'Not enough context.',
    update_time: created + seeding.faker.number.int({ min: 60, max: 3000 }),
  };
}

export function seedWorkflowRuns(seeding: Seeding, count: number): void {
  const { faker } = seeding;
  const workflows = listOf(seeding, 'workflows');
  const users = listOf(seeding, 'users').filter((u) => u.status === STATUS.ACTIVE);
  const apps = listOf(seeding, 'apps');
  if (workflows.length === 0 || users.length === 0 || apps.length === 0) return;
  const approver = adminOf(seeding);
  const pending = Math.ceil(count / 4);
  const older = creationTimes(seeding, count - pending, 14).map((t) => ({ created: t, answered: true }));
  const recent = Array.from(
    { length: pending },
    () => seeding.nowSec - faker.number.int({ min: 60, max: 1800 }),
  )
    .sort((a, b) => a - b)
    .map((t) => ({ created: t, answered: false }));
  for (const { created, answered } of [...older, ...recent]) {
    const workflow = faker.helpers.arrayElement(workflows);
    const fields = runFields(
      seeding,
      workflow,
      faker.helpers.arrayElement(existingAt(users, created)),
      faker.helpers.arrayElement(apps),
    );
    const run: Entity = {
      ...fields,
      status: RUN_STATUS.PENDING,
      expire_time_sec: expiryOf(created, workflow.execution_ttl_sec),
      ...(workflow.token_required === true ? { token: faker.number.int({ min: 100000, max: 999999 }) } : {}),
    };
    const runs = seeding.resource('workflowRuns');
    const stored = store(runs, run, created);
    if (answered) save(runs, answer(seeding, stored, approver, created));
  }
}
