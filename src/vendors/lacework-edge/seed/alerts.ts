import type { Entity } from '../../../state';
import { HOME_ACCOUNT, STATUS, save } from '../common';
import { ACTION_TYPE } from '../behaviours/alerts';
import { creationTimes, existingAt, listOf, store, type Seeding } from './common';
import { ALERT_KINDS, NOTES } from './names';

/**
 * Seeded alerts, each with the investigation history that explains its state: an owner was assigned and
 * the status moved on, notes were added, closed alerts were closed with a reason. The alert's owner,
 * status, closed and update times agree with its history. The document does not name alert statuses; the
 * seeded data uses 0 = new, 1 = investigating, 2 = closed.
 */
const ALERT_STATUS = { NEW: 0, INVESTIGATING: 1, CLOSED: 2 } as const;

interface Timeline {
  at: number;
  step(): number;
}

/** Increasing times after `from` (minutes to hours apart), never past now. */
function timeline(seeding: Seeding, from: number): Timeline {
  const line = {
    at: from,
    step: () => {
      const room = seeding.nowSec - line.at - 1;
      if (room > 0) line.at += Math.min(room, seeding.faker.number.int({ min: 60, max: 6 * 3600 }));
      return line.at;
    },
  };
  return line;
}

function record(seeding: Seeding, alert: Entity, actor: Entity, action: Entity, at: number): void {
  const history = seeding.resource('alertHistory');
  save(history, {
    uuid: history.nextKey(),
    account_and_alert_uuid: `${HOME_ACCOUNT}:${String(alert.uuid)}`,
    action,
    actor_uuid: actor.uuid,
    actor_display_name: actor.display_name,
    timestamp: at,
  });
}

/** Plays an investigation forward to the alert's final state, recording each step by its owner. */
function investigate(seeding: Seeding, alert: Entity, analysts: Entity[], final: number): Entity {
  const { faker } = seeding;
  if (final === ALERT_STATUS.NEW || analysts.length === 0) return alert;
  const owner = faker.helpers.arrayElement(analysts);
  const time = timeline(seeding, Number(alert.create_time));
  const log = (action: Entity): number => {
    const at = time.step();
    record(seeding, alert, owner, action, at);
    return at;
  };
  const assign = { owner_uuid: owner.uuid, owner_display_name: owner.display_name };
  const updated: Entity = { ...alert, ...assign, status: ALERT_STATUS.INVESTIGATING };
  updated.assignment_time = log({ action_type: ACTION_TYPE.UPDATE_OWNER, update_owner: assign });
  log({
    action_type: ACTION_TYPE.STATUS_CHANGE,
    alert_status_change: { new_status: ALERT_STATUS.INVESTIGATING },
  });
  if (faker.datatype.boolean())
    log({ action_type: ACTION_TYPE.NOTE, note: { note_text: faker.helpers.arrayElement(NOTES) } });
  if (final === ALERT_STATUS.CLOSED) {
    const reason = {
      incident_status: faker.helpers.arrayElement([1, 2, 3]),
      note_text: faker.helpers.arrayElement(NOTES),
    };
    updated.closed_time = log({ action_type: ACTION_TYPE.CLOSE, close_with_reason: reason });
    updated.incident_status = reason.incident_status;
    updated.status = ALERT_STATUS.CLOSED;
  }
  updated.update_time = time.at;
  return updated;
}

function alertFields(seeding: Seeding, subject: Entity, app: Entity): Entity {
  const { faker } = seeding;
  const kind = faker.helpers.arrayElement(ALERT_KINDS);
  return {
    description: kind.text(String(subject.display_name), String(app.name)),
    event_type: kind.type,
    severity: faker.helpers.weightedArrayElement([2, 4, 3, 1].map((weight, i) => ({ value: i + 1, weight }))),
    status: ALERT_STATUS.NEW,
    incident_status: 0,
    policy_action_taken: faker.helpers.arrayElement([0, 1, 2]),
    related_entities: {
      users_count: faker.number.int({ min: 1, max: 3 }),
      devices_count: faker.number.int({ min: 0, max: 2 }),
    },
  };
}

export function seedAlerts(seeding: Seeding, count: number): void {
  const { faker } = seeding;
  const active = listOf(seeding, 'users').filter((u) => u.status === STATUS.ACTIVE);
  const security = listOf(seeding, 'groups').find((g) => g.name === 'Security');
  const analysts = active.filter(
    (u) => (u.tags as string[]).includes(`group:${String(security?.uuid)}`) || u.role === 1,
  );
  const apps = listOf(seeding, 'apps');
  const alerts = seeding.resource('alerts');
  creationTimes(seeding, count, 30).forEach((created) => {
    const subject = faker.helpers.arrayElement(existingAt(active, created));
    const alert = store(alerts, alertFields(seeding, subject, faker.helpers.arrayElement(apps)), created);
    const final = faker.helpers.weightedArrayElement([
      { value: ALERT_STATUS.NEW, weight: 4 },
      { value: ALERT_STATUS.INVESTIGATING, weight: 3 },
      { value: ALERT_STATUS.CLOSED, weight: 3 },
    ]);
    save(alerts, investigate(seeding, alert, existingAt(analysts, created), final));
  });
}
