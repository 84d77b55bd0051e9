import type { Entity } from '../../../state';
import { HOME_ACCOUNT, STATUS, save } from '../common';
import { creationTimes, existingAt, laterThan, listOf, type Seeding } from './common';

/**
 * Seeded client data: blobs under a few key prefixes (UI preferences per user, saved reports, dashboard
 * layouts) and documents on connected drives, shared inside the company and outside it. A document's
 * `is_shared`/`is_shared_externally` agree with its `external_access` entries.
 */
export function seedBlobs(seeding: Seeding, count: number): void {
  const { faker } = seeding;
  const users = listOf(seeding, 'users').filter((u) => u.status === STATUS.ACTIVE);
  const blobs = seeding.resource('blobs');
  creationTimes(seeding, count, 60).forEach((created, i) => {
    const authors = existingAt(users, created);
    const user = authors[i % authors.length];
    const kinds = [
      {
        key: `ui/preferences/${String(user.uuid)}`,
        name: 'UI preferences',
        data: { theme: faker.helpers.arrayElement(['light', 'dark']), timezone: 'UTC' },
      },
      {
        key: `reports/weekly/${new Date(created * 1000).toISOString().slice(0, 10)}`,
        name: 'Weekly report',
        data: { alerts: faker.number.int(80), workflowRuns: faker.number.int(40) },
      },
      {
        key: `dashboards/layout/${i + 1}`,
        name: 'Dashboard layout',
        data: { columns: faker.helpers.arrayElement([2, 3, 4]) },
      },
    ];
    const kind = kinds[i % kinds.length];
    save(blobs, {
      key: kind.key,
      name: kind.name,
      data: JSON.stringify(kind.data),
      account_name: HOME_ACCOUNT,
      user_uuid: user.uuid,
      expire_time_sec: 0,
      create_time: created,
      update_time: laterThan(seeding, created),
    });
  });
}

const FILES = [
  ['Q3 board deck', 'pptx'],
  ['2025 budget', 'xlsx'],
  ['Customer list', 'csv'],
  ['Architecture overview', 'pdf'],
  ['Offer letter template', 'docx'],
  ['Incident postmortem', 'docx'],
  ['Pricing sheet', 'xlsx'],
  ['Roadmap', 'pdf'],
];

function identity(id: string, display: string, external: boolean): Entity {
  return { id, display, external, anonymized: false, deleted: false, type: 1 };
}

function sharing(seeding: Seeding, owner: Entity, people: Entity[]): Entity[] {
  const { faker } = seeding;
  const internal = faker.helpers.arrayElements(people, { min: 0, max: 2 }).map((p) => ({
    access_id: faker.string.alphanumeric(16),
    origin_identity: identity(String(owner.uuid), String(owner.display_name), false),
    origin_type: 1,
    target_domain: 'example.com',
    target_identity: identity(String(p.uuid), String(p.display_name), false),
  }));
  const external = Array.from({ length: faker.helpers.arrayElement([0, 0, 1, 2]) }, () => {
    const domain = faker.internet.domainName();
    return {
      access_id: faker.string.alphanumeric(16),
      origin_identity: identity(String(owner.uuid), String(owner.display_name), false),
      origin_type: 1,
      target_domain: domain,
      target_identity: identity(
        faker.string.uuid(),
        faker.internet.email({ provider: domain }).toLowerCase(),
        true,
      ),
    };
  });
  return [...internal, ...external];
}

export function seedDocuments(seeding: Seeding, count: number): void {
  const { faker } = seeding;
  const users = listOf(seeding, 'users').filter((u) => u.status === STATUS.ACTIVE);
  const documents = seeding.resource('documents');
  creationTimes(seeding, Math.min(count, FILES.length), 90).forEach((created, i) => {
    const [title, extension] = FILES[i];
    const owner = faker.helpers.arrayElement(existingAt(users, created));
    const access = sharing(seeding, owner, existingAt(users, created));
    const uuid = documents.nextKey();
    const driveId = `drive-${faker.string.alphanumeric(10)}`;
    save(documents, {
      uuid,
      datasource: faker.helpers.arrayElement(['gdrive', 'box', 'onedrive']),
      drive_id: driveId,
      type: 1,
      identity: {
        ...identity(String(uuid), `${title}.${extension}`, false),
        owner_id: owner.uuid,
        object_id_encrypted: '',
        site_id: '',
        viewer_id: '',
      },
      owner: identity(String(owner.uuid), String(owner.display_name), false),
      parent: identity(driveId, 'Shared drive', false),
      ancestor_ids: [driveId],
      file_extension: extension,
      file_size: faker.number.int({ min: 20_000, max: 8_000_000 }),
      is_sensitive: ['Customer list', '2025 budget', 'Offer letter template'].includes(title),
      has_augmented_permissions: false,
      external_access: access,
      is_shared: access.length > 0,
      is_shared_externally: access.some((a) => (a.target_identity as Entity).external === true),
      web_view_url: { anonymized: false, display: `https://docs.example.com/d/${String(uuid)}` },
      created_time: created,
      updated_time: laterThan(seeding, created),
    });
  });
}
