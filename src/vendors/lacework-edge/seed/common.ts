import type { Faker } from '@faker-js/faker';
import type { Entity } from '../../../state';
import type { ResourceRuntime, SeedContext } from '../../../mock';
import { HOME_ACCOUNT, ROLE, nowSeconds, save } from '../common';

/** What the Lacework generators share: the clock in seconds, the seeded faker, and who "did" things. */
export interface Seeding {
  faker: Faker;
  nowSec: number;
  resource(name: string): ResourceRuntime;
  option(name: string, fallback: number): number;
}

export function seedingOf(ctx: SeedContext): Seeding {
  return {
    faker: ctx.faker,
    nowSec: nowSeconds(ctx.now),
    resource: (name) => ctx.resource(name),
    option: (name, fallback) => {
      const value = Number(ctx.options[name] ?? fallback);
      return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
    },
  };
}

/** `count` creation times (epoch seconds) spread over `days` ending `olderThanDays` ago, oldest first. */
export function creationTimes(seeding: Seeding, count: number, days: number, olderThanDays = 0): number[] {
  const end = seeding.nowSec - olderThanDays * 86_400;
  const span = days * 86_400;
  return Array.from({ length: count }, () => end - seeding.faker.number.int({ min: 60, max: span })).sort(
    (a, b) => a - b,
  );
}

/** The entities that already existed at `time` (all of them when none did: a tiny dataset). */
export function existingAt(entities: Entity[], time: number): Entity[] {
  const existing = entities.filter((e) => Number(e.create_time) <= time);
  return existing.length > 0 ? existing : entities;
}

/** A time between `from` and now (an update after a creation). */
export function laterThan(seeding: Seeding, from: number): number {
  return seeding.faker.number.int({ min: from, max: Math.max(from, seeding.nowSec - 1) });
}

/** Stores a new entity under the resource's next key, with the account and its times. */
export function store(resource: ResourceRuntime, fields: Entity, created: number, updated = created): Entity {
  return save(resource, {
    uuid: resource.nextKey(),
    account_name: HOME_ACCOUNT,
    ...fields,
    create_time: created,
    update_time: updated,
  });
}

export function listOf(seeding: Seeding, name: string): Entity[] {
  return seeding.resource(name).collection.list();
}

/** The first ACTIVE administrator: who created the seeded configuration. */
export function adminOf(seeding: Seeding): Entity | undefined {
  return listOf(seeding, 'users').find((u) => u.role === ROLE.ADMIN && u.status === 2);
}

export function creatorFields(admin: Entity | undefined): Entity {
  return { creator_uuid: admin?.uuid ?? '', creator_display_name: admin?.display_name ?? '' };
}
