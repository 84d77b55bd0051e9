import type { Entity } from '../../../state';
import { STATUS } from '../common';
import { adminOf, creationTimes, existingAt, laterThan, store, type Seeding } from './common';

/**
 * Seeded access rules: each grants one group (and sometimes a few named users who existed then) the apps
 * that group plausibly needs, by uuid. Contractors' access is time-limited (`end_time`).
 */
/** Apps a group plausibly needs: those tagged like the group, else collaboration tools. */
function appsForGroup(seeding: Seeding, group: Entity, apps: Entity[]): Entity[] {
  const tag = (group.tags as string[])[0];
  const matching = apps.filter((a) => (a.tags as string[]).includes(tag));
  const pool =
    matching.length > 0 ? matching : apps.filter((a) => (a.tags as string[]).includes('collaboration'));
  return seeding.faker.helpers.arrayElements(pool.length > 0 ? pool : apps, { min: 1, max: 3 });
}

export function seedAccesses(
  seeding: Seeding,
  count: number,
  groups: Entity[],
  users: Entity[],
  apps: Entity[],
): void {
  const { faker } = seeding;
  const admin = adminOf(seeding);
  const accesses = seeding.resource('accesses');
  creationTimes(seeding, count, 200).forEach((created, i) => {
    const group = groups[i % groups.length];
    const granted = appsForGroup(seeding, group, apps);
    const people = faker.helpers.arrayElements(existingAt(users, created), { min: 0, max: 2 });
    const timeLimited = (group.tags as string[]).includes('contractor');
    store(
      accesses,
      {
        description: `${String(group.name)} to ${granted.map((a) => a.name).join(', ')}`,
        access_type: faker.helpers.arrayElement([0, 1, 1, 2, 3]),
        app_list: granted.map((a) => a.uuid),
        user_list: [group.uuid, ...people.map((u) => u.uuid)],
        allow_guest_access: false,
        data_source: 0,
        integration_id: '',
        status: faker.number.int(10) === 0 ? STATUS.SUSPENDED : STATUS.ACTIVE,
        end_time: timeLimited ? seeding.nowSec + faker.number.int({ min: 7, max: 90 }) * 86_400 : 0,
        revoked_user_list: [],
        creator_uuid: admin?.uuid ?? '',
      },
      created,
      laterThan(seeding, created),
    );
  });
}
