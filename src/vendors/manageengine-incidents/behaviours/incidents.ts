import type { Entity } from '../../../state';
import { fail, formatTime, ok, type BehaviourContext, type Outcome } from '../../../mock';
import { NAME_INDEX } from '../seed/incidents';
import { hashSeed, seededRandom } from '../../../generate';

/**
 * ManageEngine EventLog Analyzer incidents (document 002): display-case values, notes and evidence as
 * records, an activity log, 1-based `from` paging, unique names. The generic engine does the storing.
 */
const USER = 'admin';
const SUMMARY_FIELDS = [
  'incident_id',
  'incident_name',
  'incident_description',
  'severity',
  'status',
  'assign_to',
  'due_date',
  'created_by',
  'created_time',
];

interface IncidentBody {
  incident_id?: number;
  name?: string;
  notes?: string[];
  evidence?: string[];
  source?: string;
  due_date?: string;
}

const sqlNow = (ctx: BehaviourContext) => formatTime(ctx.clock.now(), 'sql') as string;

/** `2027-10-03T10:30:00+02:00` and `2027-10-03 10:30:00` are both stored as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function normaliseDueDate(value: unknown): unknown {
  if (typeof value !== 'string' || / \d{2}:\d{2}:\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : formatTime(ms, 'sql');
}

/**
 * Incident names are unique. NAME_INDEX maps a name to the incident that took it, so a create does not
 * scan every incident; an entry is only a hint, checked against the incident it names (a renamed or
 * deleted incident frees its name without any bookkeeping).
 */
function nameTaken(ctx: BehaviourContext, name: string | undefined, except?: unknown): boolean {
  if (name === undefined) return false;
  const hint = ctx.store.collection(NAME_INDEX).get(name)?.incident_id;
  const holder = hint === undefined ? undefined : ctx.resource?.find(hint);
  return holder?.incident_name === name && String(holder.incident_id) !== String(except);
}

function rememberName(ctx: BehaviourContext, incident: Entity): void {
  ctx.store.collection(NAME_INDEX).put(incident.incident_name, { incident_id: incident.incident_id });
}

/**
 * Drops the index entries of names these incidents no longer hold (deleted or renamed), so that a long run
 * of creates and deletes does not grow the index.
 */
function forgetNames(ctx: BehaviourContext, names: ReadonlyArray<unknown>): void {
  const index = ctx.store.collection(NAME_INDEX);
  for (const name of names) if (name !== undefined && !nameTaken(ctx, String(name))) index.remove(name);
}

const EVIDENCE_SEVERITIES = ['information', 'warning', 'error'];
const EVIDENCE_HOSTS = ['dev-agent', 'dc01', 'web-prod-02', 'fileserver', 'vpn-gw', 'hr-laptop-17'];
const EVIDENCE_EVENTS = [
  'Logon failure',
  'Downgrade attack',
  'Privilege use',
  'Service installed',
  'Audit log cleared',
];

/** A log record for an evidence id, the same for the same id (a cheap seeded stream: no faker per record). */
function evidenceRecord(ctx: BehaviourContext, id: string, source: string | undefined, time: string): Entity {
  const random = seededRandom(hashSeed(ctx.seed, 'evidence', id));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const octet = () => 1 + Math.floor(random() * 254);
  return {
    incident_uuid: id,
    type_of_evidence: 'LOG',
    incident_tab: 'evidence',
    incident_added_by: USER,
    incident_time: time,
    log_obtained_from: (source || 'search').toUpperCase(),
    is_threshold_incident: false,
    severity: pick(EVIDENCE_SEVERITIES),
    hostname: pick(EVIDENCE_HOSTS),
    source_ip: `10.${octet()}.${octet()}.${octet()}`,
    message: `${pick(EVIDENCE_EVENTS)} on ${pick(EVIDENCE_HOSTS)}`,
  };
}

/** Appends notes, evidence and the matching activity entries (newest first) to the stored incident. */
function recordChanges(ctx: BehaviourContext, id: unknown, body: IncidentBody, created: boolean): void {
  const resource = ctx.resource;
  const stored = resource?.find(id);
  if (!resource || !stored) return;
  const time = sqlNow(ctx);
  const name = String(stored.incident_name);
  const incident: Entity = { ...stored, due_date: normaliseDueDate(stored.due_date) };
  if (created) incident.created_by = USER;
  const activity = [...((incident.activity as Entity[]) ?? [])];
  const log = (kind: string, description: string) => activity.unshift({ activity: kind, description, time });
  if (created) log('Incident Created', `${name} incident has been created successfully by ${USER}.`);
  else log('Incident Updated', `${name} incident has been updated by ${USER}.`);
  if (body.notes?.length) {
    incident.notes = [
      ...((incident.notes as Entity[]) ?? []),
      ...body.notes.map((note) => ({ note, added_by: USER, time })),
    ];
    log('Incident Notes Added', `Notes added to ${name} by ${USER}.`);
  }
  if (body.evidence?.length) {
    incident.evidence = [
      ...((incident.evidence as Entity[]) ?? []),
      ...body.evidence.map((e) => evidenceRecord(ctx, e, body.source, time)),
    ];
    log('Incident Updated', `New evidence added to ${name} by ${USER}.`);
  }
  incident.activity = activity;
  resource.collection.put(id, incident);
  rememberName(ctx, incident);
}

export function createIncident(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as IncidentBody;
  if (nameTaken(ctx, body.name))
    return fail('conflict', `An incident named '${String(body.name)}' already exists.`);
  const outcome = ctx.generic();
  if (outcome.kind !== 'ok') return outcome;
  const id = (outcome.body as { data: { incident_id: number } }).data.incident_id;
  recordChanges(ctx, id, body, true);
  return outcome;
}

export function updateIncident(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as IncidentBody;
  if (nameTaken(ctx, body.name, body.incident_id))
    return fail('conflict', `An incident named '${String(body.name)}' already exists.`);
  const before = ctx.resource?.find(body.incident_id)?.incident_name;
  const outcome = ctx.generic();
  if (outcome.kind === 'ok') {
    recordChanges(ctx, body.incident_id, body, false);
    forgetNames(ctx, [before]);
  }
  return outcome;
}

export function deleteIncidents(ctx: BehaviourContext): Outcome {
  const ids = (ctx.request.body as { incident_ids?: unknown[] }).incident_ids ?? [];
  const names = ids.map((id) => ctx.resource?.find(id)?.incident_name);
  const outcome = ctx.generic();
  if (outcome.kind === 'ok') forgetNames(ctx, names);
  return outcome;
}

const display = (value: unknown) =>
  String(value ?? '')
    .replace(/_/g, ' ')
    .toLowerCase();

export function listIncidents(ctx: BehaviourContext): Outcome {
  const query = ctx.request.query as {
    severity?: string;
    status?: string;
    created_by?: string;
    assignee?: number;
    from?: number;
    limit?: number;
  };
  const all = ctx.resource?.collection.list() ?? [];
  const matching = all
    .filter((e) => query.severity === undefined || display(e.severity) === display(query.severity))
    .filter((e) => query.status === undefined || display(e.status) === display(query.status))
    .filter((e) => query.created_by === undefined || String(e.created_by) === query.created_by)
    .filter((e) => query.assignee === undefined || Number(e.assign_to) === Number(query.assignee))
    .sort(
      (a, b) =>
        String(b.created_time).localeCompare(String(a.created_time)) ||
        Number(b.incident_id) - Number(a.incident_id),
    );
  const limit = Math.min(query.limit ?? 100, 100);
  const start = Math.max((query.from ?? 1) - 1, 0);
  const page = matching
    .slice(start, start + limit)
    .map((e) => Object.fromEntries(SUMMARY_FIELDS.filter((f) => e[f] !== undefined).map((f) => [f, e[f]])));
  return ok({
    data: page,
    meta: {
      per_page: limit,
      total_pages: Math.max(1, Math.ceil(matching.length / limit)),
      total_items: matching.length,
    },
  });
}
