import type { Entity } from '../../../state';
import { STATUS } from '../common';
import { creationTimes, laterThan, listOf, store, type Seeding } from './common';

/**
 * Seeded devices: about two thirds of the users have a laptop or phone (some two), registered after the
 * user joined, most of them managed by IT.
 */
const PLATFORMS = [
  { os: 'macOS', versions: ['14.6.1', '15.0'], model: 'MacBook Pro', triple: 'aarch64-apple-darwin' },
  { os: 'Windows', versions: ['11 23H2', '10 22H2'], model: 'ThinkPad X1', triple: 'x86_64-pc-windows-msvc' },
  {
    os: 'Linux',
    versions: ['Ubuntu 22.04', 'Fedora 40'],
    model: 'Dell XPS 13',
    triple: 'x86_64-unknown-linux-gnu',
  },
  { os: 'iOS', versions: ['17.6', '18.0'], model: 'iPhone 15', triple: 'aarch64-apple-ios' },
];

function device(seeding: Seeding, user: Entity): Entity {
  const { faker } = seeding;
  const platform = faker.helpers.arrayElement(PLATFORMS);
  const version = faker.helpers.arrayElement(platform.versions);
  const first = String(user.display_name).split(' ')[0];
  const model = platform.model.split(' ')[0].toLowerCase();
  const hostname = `${first.toLowerCase()}-${model}-${faker.string.alphanumeric(4).toLowerCase()}`;
  const managed = faker.number.int(10) < 8;
  const machine = {
    hostname,
    machine_model: platform.model,
    machine_name: hostname,
    target_triple: platform.triple,
  };
  return {
    display_name: `${first}'s ${platform.model}`,
    os: platform.os,
    os_version: version,
    browser: 'Chrome',
    browser_version: `12${faker.number.int(9)}.0.${faker.number.int({ min: 6000, max: 6999 })}.${faker.number.int(200)}`,
    eg_version: faker.helpers.arrayElement(['3.4.1', '3.5.0', '3.5.2']),
    serial_number: faker.string.alphanumeric({ length: 12, casing: 'upper' }),
    normalized_id: hostname,
    is_managed: managed,
    is_managed_verification_done: managed,
    status: STATUS.ACTIVE,
    data_source: 0,
    tags: managed ? ['managed'] : [],
    user_uuid: user.uuid,
    user_display_name: user.display_name,
    properties: { ...machine, os: platform.os, os_version: version, disk_encryption_enabled: managed },
  };
}

export function seedDevices(seeding: Seeding, ownersPercent: number): void {
  const { faker } = seeding;
  const owners = listOf(seeding, 'users').filter(
    (u) => u.status !== STATUS.DELETED && faker.number.int(99) < ownersPercent,
  );
  const devices = seeding.resource('devices');
  for (const user of owners) {
    const daysSinceJoining = Math.max(1, Math.floor((seeding.nowSec - Number(user.create_time)) / 86_400));
    const count = faker.helpers.arrayElement([1, 1, 2]);
    for (const created of creationTimes(seeding, count, Math.min(120, daysSinceJoining))) {
      store(devices, device(seeding, user), created, laterThan(seeding, created));
    }
  }
}
