import { hashSeed } from '../../../generate';
import { compareText, sortedDistinct, type MaliciousEvent } from '../model';

/**
 * The actor and API tables and the filter lists, derived from a list of events (oldest first). Sorting
 * and paging happen in the behaviours; these functions only build the rows.
 */
export interface ActorRow {
  id: string;
  objectId: string;
  latestApiEndpoint: string;
  latestApiIp: string;
  latestApiMethod: string;
  latestApiHost: string;
  latestAttack: string;
  discoveredAt: number;
  country: string;
  activity: Array<{ url: string; method: string; severity: string; subCategory: string; detectedAt: number }>;
}

const ACTIVITY_SIZE = 10;

const hex8 = (value: number) => value.toString(16).padStart(8, '0');

/**
 * The row's MongoDB ObjectId (24 hex digits): its time part is `discoveredAt`, the rest is derived from the
 * actor, so ObjectId order is the order of the table and the vendor's cursor (`_id` after the last row) pages
 * it exactly.
 */
export function actorObjectId(actor: string, discoveredAt: number): string {
  return hex8(discoveredAt) + hex8(hashSeed('akto.threat.actor', actor)) + hex8(hashSeed(actor, 'objectId'));
}

/**
 * One row per actor: its most recent event and its 10 most recent events, newest first. Its latest attack
 * is the filter template (`filterId`) of its most recent event, as the vendor lists it.
 */
export function actorRows(events: MaliciousEvent[]): ActorRow[] {
  const rows = new Map<string, ActorRow>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    let row = rows.get(event.actor);
    if (!row) {
      row = {
        id: event.actor,
        objectId: actorObjectId(event.actor, event.timestamp),
        latestApiEndpoint: event.url,
        latestApiIp: event.actor,
        latestApiMethod: event.method,
        latestApiHost: event.host,
        latestAttack: event.filterId,
        discoveredAt: event.timestamp,
        country: event.country,
        activity: [],
      };
      rows.set(event.actor, row);
    }
    if (row.activity.length < ACTIVITY_SIZE)
      row.activity.push({
        url: event.url,
        method: event.method,
        severity: event.severity,
        subCategory: event.subCategory,
        detectedAt: event.timestamp,
      });
  }
  return [...rows.values()];
}

export interface ApiRow {
  api: string;
  method: string;
  host: string;
  requestsCount: number;
  actorsCount: number;
  discoveredAt: number;
}

/** One row per (url, method): request and distinct actor counts, host and time of the latest event. */
export function apiRows(events: MaliciousEvent[]): ApiRow[] {
  const rows = new Map<string, { row: ApiRow; actors: Set<string> }>();
  for (const event of events) {
    const key = `${event.method} ${event.url}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: {
          api: event.url,
          method: event.method,
          host: '',
          requestsCount: 0,
          actorsCount: 0,
          discoveredAt: 0,
        },
        actors: new Set(),
      };
      rows.set(key, entry);
    }
    entry.actors.add(event.actor);
    entry.row.requestsCount++;
    entry.row.actorsCount = entry.actors.size;
    // Events come oldest first: the last one seen is the most recent.
    entry.row.host = event.host;
    entry.row.discoveredAt = event.timestamp;
  }
  return [...rows.values()].map((entry) => entry.row);
}

export interface SortOrder<F extends string> {
  field: F;
  direction: 1 | -1;
}

/** `{<field>: 1|-1}`: the first supported field wins; anything else falls back to `fallback` descending. */
export function readSort<F extends string>(sort: unknown, fields: readonly F[], fallback: F): SortOrder<F> {
  if (sort !== null && typeof sort === 'object') {
    for (const [field, direction] of Object.entries(sort)) {
      if ((fields as readonly string[]).includes(field) && (direction === 1 || direction === -1))
        return { field: field as F, direction };
    }
  }
  return { field: fallback, direction: -1 };
}

/** By `discoveredAt` in the order's direction, which is ObjectId order (ties, if any, by ObjectId too). */
export function sortActors(rows: ActorRow[], order: SortOrder<'discoveredAt'>): ActorRow[] {
  return [...rows].sort((a, b) => order.direction * compareText(a.objectId, b.objectId));
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * The page after a cursor, as the vendor's backend reads it: the rows whose ObjectId comes after the cursor
 * in the table's direction (`skip` is then ignored). A cursor that is not an ObjectId fails the vendor's
 * backend, and the dashboard action then answers no actors: here, an empty page.
 */
export function rowsAfter(sorted: ActorRow[], cursor: string, direction: 1 | -1): ActorRow[] {
  if (!OBJECT_ID.test(cursor)) return [];
  const id = cursor.toLowerCase();
  return sorted.filter((row) => direction * compareText(row.objectId, id) > 0);
}

export const API_SORT_FIELDS = ['discoveredAt', 'requestsCount', 'actorsCount'] as const;
export type ApiSortField = (typeof API_SORT_FIELDS)[number];

export function sortApis(rows: ApiRow[], order: SortOrder<ApiSortField>): ApiRow[] {
  return [...rows].sort(
    (a, b) =>
      order.direction * (a[order.field] - b[order.field]) ||
      compareText(a.api, b.api) ||
      compareText(a.method, b.method),
  );
}

/** The threat table's filter choices; its `subCategory` lists filter template ids, as the vendor's does. */
export function threatTableFilters(events: MaliciousEvent[]) {
  return {
    ips: sortedDistinct(events.map((e) => e.actor)),
    urls: sortedDistinct(events.map((e) => e.url)),
    hosts: sortedDistinct(events.map((e) => e.host)),
    subCategory: sortedDistinct(events.map((e) => e.filterId)),
  };
}

/** The actor table's filter choices: the values of the actor rows (each actor's latest event). */
export function threatActorFilters(events: MaliciousEvent[]) {
  const rows = actorRows(events);
  return {
    actorId: sortedDistinct(rows.map((r) => r.id)),
    country: sortedDistinct(rows.map((r) => r.country)),
    latestAttack: sortedDistinct(rows.map((r) => r.latestAttack)),
    host: sortedDistinct(rows.map((r) => r.latestApiHost)),
  };
}
