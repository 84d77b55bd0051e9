import type { Entity } from '../../../state';
import { pickPlace } from '../../../generate';
import type { SeedContext } from '../../../mock';
import { homeAccount } from '../behaviours/accounts';
import { ROLE, SELECTOR, STATUS } from '../common';
import {
  adminOf,
  creationTimes,
  creatorFields,
  laterThan,
  listOf,
  seedingOf,
  store,
  type Seeding,
} from './common';
import { seedAccesses } from './accesses';
import { attributeConfiguration } from './attribution';
import { APPS, GROUPS, USER_TAGS } from './names';
import { generatePolicies } from './policies';
import { groupsOfUser } from '../references';

/**
 * The seeded directory: groups, users (members of groups through `group:<uuid>` tags), apps, access rules
 * naming users, groups and apps by uuid, then workflows and policies. Every reference names a stored
 * object, and every group's `user_count` is its number of (not deleted) members.
 */
const IDP_DATA_SOURCE = 101;

function makeGroups(seeding: Seeding, count: number): Entity[] {
  const groups = seeding.resource('groups');
  const picked = GROUPS.slice(0, Math.min(count, GROUPS.length));
  const times = creationTimes(seeding, picked.length, 15, 380);
  return picked.map((g, i) =>
    store(
      groups,
      {
        name: g.name,
        description: g.description,
        tags: [g.tag],
        status: STATUS.ACTIVE,
        data_source: i % 3 === 2 ? 0 : IDP_DATA_SOURCE,
        integration_id: '',
        sub_group_count: 0,
        user_count: 0,
        profile_update_time: times[i],
      },
      times[i],
    ),
  );
}

function memberships(seeding: Seeding, groups: Entity[], n: number): Entity[] {
  const { faker } = seeding;
  // Everyone is in one "home" team; some also in a second or third group.
  const home = groups[n % Math.max(1, groups.length - 2)] ?? groups[0];
  const extra = faker.helpers.arrayElements(
    groups,
    faker.helpers.weightedArrayElement([
      { value: 0, weight: 5 },
      { value: 1, weight: 3 },
      { value: 2, weight: 1 },
    ]),
  );
  return [...new Set([home, ...extra].filter((g): g is Entity => g !== undefined))];
}

function makeUsers(seeding: Seeding, count: number, groups: Entity[]): Entity[] {
  const { faker } = seeding;
  const users = seeding.resource('users');
  const integration = listOf(seeding, 'integrations')[0]?.uuid ?? '';
  return creationTimes(seeding, count, 365).map((created, n) => {
    const member = memberships(seeding, groups, n);
    const admin = n === 0 || faker.number.int(100) < 8;
    const fromIdp = n > 0 && faker.number.int(100) < 70;
    const status =
      n === 0
        ? STATUS.ACTIVE
        : faker.helpers.weightedArrayElement([
            { value: STATUS.ACTIVE, weight: 85 },
            { value: STATUS.SUSPENDED, weight: 8 },
            { value: STATUS.INIT, weight: 5 },
            { value: STATUS.DELETED, weight: 2 },
          ]);
    const extraTags = faker.helpers.arrayElements(USER_TAGS, { min: 0, max: 2 });
    const updated = laterThan(seeding, created);
    return store(
      users,
      {
        display_name: faker.person.fullName(),
        role: admin ? ROLE.ADMIN : ROLE.USER,
        status,
        data_source: fromIdp ? IDP_DATA_SOURCE : 0,
        integration_id: fromIdp ? integration : '',
        source_user_id: fromIdp ? `00u${faker.string.alphanumeric(17)}` : '',
        location: pickPlace(faker).country.city,
        mfa_status: faker.helpers.arrayElement([0, 1, 1]),
        idp_mfa_status: fromIdp ? 1 : 0,
        tags: [...member.map((g) => `${SELECTOR.group}${String(g.uuid)}`), ...extraTags],
        record_update_time: updated,
      },
      created,
      updated,
    );
  });
}

function countMembers(seeding: Seeding, groups: Entity[], users: Entity[]): void {
  const counted = users.filter((u) => u.status !== STATUS.DELETED);
  for (const group of groups) {
    const members = counted.filter((u) => groupsOfUser(u).includes(String(group.uuid)));
    const latest = Math.max(Number(group.create_time), ...members.map((u) => Number(u.create_time)));
    seeding.resource('groups').collection.put(group.uuid, {
      ...group,
      user_count: members.length,
      membership_update_time: latest,
      update_time: Math.max(Number(group.update_time), latest),
    });
  }
}

function makeApps(seeding: Seeding, count: number): Entity[] {
  const apps = seeding.resource('apps');
  const admin = adminOf(seeding);
  const connectors = listOf(seeding, 'connectors').map((c) => String(c.unique_name));
  const picked = APPS.slice(0, Math.min(count, APPS.length));
  const times = creationTimes(seeding, picked.length, 20, 350);
  return picked.map(([name, host, tags, isPrivate], i) =>
    store(
      apps,
      {
        name,
        description: isPrivate ? `${name}, reached through a connector` : `${name} (SaaS)`,
        host,
        protocol: 'https',
        port: 443,
        path: '/',
        tags,
        status: i % 11 === 10 ? STATUS.SUSPENDED : STATUS.ACTIVE,
        data_source: 0,
        host_match_type: 0,
        ...(isPrivate
          ? {
              connector_unique_name: connectors[i % Math.max(1, connectors.length)] ?? '',
              internal_host_pattern: host,
              internal_port: 443,
              internal_protocol: 'https',
            }
          : {}),
        ...creatorFields(admin),
      },
      times[i],
      laterThan(seeding, times[i]),
    ),
  );
}

export function generateDirectory(ctx: SeedContext): void {
  const seeding = seedingOf(ctx);
  const account = homeAccount(ctx.seed, ctx.now);
  seeding.resource('accounts').collection.put(account.name, account);
  const groups = makeGroups(seeding, seeding.option('groups', 12));
  const users = makeUsers(seeding, seeding.option('users', 60), groups);
  countMembers(seeding, groups, users);
  const apps = makeApps(seeding, seeding.option('apps', 24));
  seedAccesses(seeding, seeding.option('accesses', 45), listOf(seeding, 'groups'), users, apps);
  generatePolicies(seeding, seeding.option('policies', 22));
  attributeConfiguration(seeding);
}
