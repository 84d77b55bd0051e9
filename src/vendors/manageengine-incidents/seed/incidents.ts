import type { Entity } from '../../../state';
import { pickText } from '../../../generate';
import { formatTime, type SeedContext } from '../../../mock';

/** Coherent seeded incidents: names, severities and statuses a SOC would see, with notes and an activity log. */
/** Incident name -> { incident_id }: the hint that keeps unique-name checks O(1) (see manageengine.ts). */
export const NAME_INDEX = '$meIncidentNames';

const THREATS = [
  'DOS Attack',
  'Brute Force Login',
  'Ransomware Activity',
  'Privilege Escalation',
  'Suspicious PowerShell',
  'Data Exfiltration',
  'Malware Detected',
  'Unauthorized Access',
  'Account Lockout Storm',
  'Downgrade Attack',
  'Port Scan',
  'Lateral Movement',
];
const USERS = ['admin', 'soc.analyst', 'user001', 'it.ops', 'gokul.sn'];
const HOSTS = ['dev-agent', 'dc01', 'web-prod-02', 'fileserver', 'vpn-gw', 'hr-laptop-17'];

export function generateIncidents(ctx: SeedContext): void {
  const { faker, now } = ctx;
  const resource = ctx.resource('incidents');
  // The seed file's written incidents (the documentation's) come first: their names are taken too.
  for (const written of resource.collection.list())
    ctx.store.collection(NAME_INDEX).put(written.incident_name, { incident_id: written.incident_id });
  const count = Number(ctx.options.count ?? 160);
  const daysBack = Number(ctx.options.daysBack ?? 120);
  const sql = (ms: number) => formatTime(ms, 'sql') as string;
  const created = Array.from(
    { length: count },
    () => now - faker.number.int({ min: 60_000, max: daysBack * 86_400_000 }),
  ).sort((a, b) => a - b);
  created.forEach((createdMs, i) => {
    const createdBy = faker.helpers.arrayElement(USERS);
    const name = `${faker.helpers.arrayElement(THREATS)} Incident #${i + 1}`;
    const host = faker.helpers.arrayElement(HOSTS);
    const noteTime = sql(createdMs + 60_000);
    const notes =
      faker.helpers.maybe(
        () => [{ note: pickText(faker, 'comments'), added_by: createdBy, time: noteTime }],
        {
          probability: 0.4,
        },
      ) ?? [];
    const activity: Entity[] = [
      {
        activity: 'Incident Created',
        description: `${name} incident has been created successfully by ${createdBy}.`,
        time: sql(createdMs),
      },
    ];
    if (notes.length > 0)
      activity.unshift({
        activity: 'Incident Notes Added',
        description: `Notes added to ${name} by ${createdBy}.`,
        time: noteTime,
      });
    const incident: Entity = {
      incident_id: resource.nextKey(),
      incident_name: name,
      incident_description: `The collection of reports with ${name.split(' Incident')[0]} on ${host}.`,
      severity: faker.helpers.weightedArrayElement([
        { value: 'Critical', weight: 2 },
        { value: 'Trouble', weight: 3 },
        { value: 'Attention', weight: 5 },
      ]),
      status: faker.helpers.weightedArrayElement([
        { value: 'Open', weight: 5 },
        { value: 'In Progress', weight: 3 },
        { value: 'Closed', weight: 4 },
      ]),
      assign_to: faker.helpers.arrayElement([-1, -1, 1, 2, 3, 5]),
      due_date: sql(createdMs + faker.number.int({ min: 1, max: 14 }) * 86_400_000),
      created_by: createdBy,
      created_time: sql(createdMs),
      actors: [{ entity: [host] }],
      notes,
      evidence: [],
      activity,
    };
    resource.collection.put(incident.incident_id, incident);
    ctx.store.collection(NAME_INDEX).put(name, { incident_id: incident.incident_id });
  });
}
