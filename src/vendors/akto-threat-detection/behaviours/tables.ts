import { compareText, sortedDistinct, type MaliciousEvent } from '../model';

/**
 * The actor and API tables and the filter lists, derived from a list of events (oldest first). Sorting
 * and paging happen in the behaviours; these functions only build the rows.
 */
export interface ActorRow {
  id: string;
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

/** One row per actor: its most recent event and its 10 most recent events, newest first. */
export function actorRows(events: MaliciousEvent[]): ActorRow[] {
  const rows = new Map<string, ActorRow>();
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    let row = rows.get(event.actor);
    if (!row) {
      row = {
        id: event.actor,
        latestApiEndpoint: event.url,
        latestApiIp: event.actor,
        latestApiMethod: event.method,
        latestApiHost: event.host,
        latestAttack: event.subCategory,
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

export function sortActors(rows: ActorRow[], order: SortOrder<'discoveredAt'>): ActorRow[] {
  return [...rows].sort(
    (a, b) => order.direction * (a[order.field] - b[order.field]) || compareText(a.id, b.id),
  );
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

export function threatTableFilters(events: MaliciousEvent[]) {
  return {
    ips: sortedDistinct(events.map((e) => e.actor)),
    urls: sortedDistinct(events.map((e) => e.url)),
    subCategory: sortedDistinct(events.map((e) => e.subCategory)),
  };
}

export function threatActorFilters(events: MaliciousEvent[]) {
  const rows = actorRows(events);
  return {
    actorId: sortedDistinct(rows.map((r) => r.id)),
    country: sortedDistinct(rows.map((r) => r.country)),
    latestAttack: sortedDistinct(rows.map((r) => r.latestAttack)),
  };
}
