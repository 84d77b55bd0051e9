import type { Entity } from '../../../state';
import { HOME_ACCOUNT, SELECTOR } from '../common';
import { adminOf, listOf, type Seeding } from './common';

/**
 * The configuration collections come from fixture rules before any user exists, so their people fields
 * are generated values. Once the directory is seeded, they are pointed at real objects: the first
 * administrator created and updated them, notifications go to that administrator and the Security group,
 * the data export belongs to the home account, and a dataset counts its items.
 */
const CONFIGURATION = [
  'certificates',
  'clientConfigs',
  'channels',
  'dashboards',
  'cards',
  'alertConfigs',
  'appControlPolicies',
  'connectors',
  'datasets',
  'postureAttributes',
  'postureProfiles',
];

function attributed(
  entity: Entity,
  admin: Entity,
  recipients: string[],
  names: Record<string, string>,
): Entity {
  const patched: Entity = { ...entity };
  const person = { uuid: String(admin.uuid), name: String(admin.display_name) };
  for (const role of ['creator', 'updater']) {
    if (`${role}_uuid` in patched) patched[`${role}_uuid`] = person.uuid;
    if (`${role}_display_name` in patched) patched[`${role}_display_name`] = person.name;
  }
  if ('recipients' in patched) patched.recipients = recipients;
  if ('recipient_display_names' in patched) patched.recipient_display_names = names;
  for (const field of [
    'ref_display_names',
    'condition_filter_display_names',
    'filter_selector_display_names',
  ])
    if (field in patched) patched[field] = {};
  return patched;
}

export function attributeConfiguration(seeding: Seeding): void {
  const admin = adminOf(seeding);
  if (!admin) return;
  const security = listOf(seeding, 'groups').find((g) => g.name === 'Security');
  const recipients = [`${SELECTOR.user}${String(admin.uuid)}`];
  const names: Record<string, string> = { [recipients[0]]: String(admin.display_name) };
  if (security) {
    recipients.push(`${SELECTOR.group}${String(security.uuid)}`);
    names[recipients[1]] = String(security.name);
  }
  for (const name of CONFIGURATION) {
    const resource = seeding.resource(name);
    for (const entity of resource.collection.list())
      resource.collection.put(resource.keyOf(entity), attributed(entity, admin, recipients, names));
  }
  patchOthers(seeding, admin);
}

function patchOthers(seeding: Seeding, admin: Entity): void {
  const account = seeding.resource('accounts').find(HOME_ACCOUNT);
  const patch = (name: string, change: (e: Entity) => Entity) => {
    const resource = seeding.resource(name);
    for (const entity of resource.collection.list())
      resource.collection.put(resource.keyOf(entity), change(entity));
  };
  patch('dataExportConfigs', (e) => ({ ...e, account_uuid: account?.uuid ?? '' }));
  patch('integrations', (e) => ({
    ...e,
    added_by: admin.display_name,
    last_modified_by: admin.display_name,
  }));
  const items = listOf(seeding, 'datasetItems');
  patch('datasets', (e) => ({ ...e, num_items: items.filter((i) => i.dataset_uuid === e.uuid).length }));
  patch('datasetItems', (e) => ({ ...e, creator_uuid: admin.uuid }));
  patch('onboarding', (e) => ({
    ...e,
    eula_signing_user: admin.uuid,
    eula_signing_user_display_name: admin.display_name,
    eula_signing_time: Number(account?.create_time ?? seeding.nowSec),
  }));
}
