import type { BehaviourContext } from '../../../mock';
import { compareEvents, EVENTS_RESOURCE, type MaliciousEvent } from '../model';

/**
 * The stored events sorted by time, plus memoised answers, rebuilt only when the events change (the
 * collection's own revision: every memoised answer is derived from the events and the request alone).
 * Reads of the threat dashboards are far more frequent than writes to the events (a linked Jira ticket),
 * so a dashboard refresh costs a binary search and a cache hit instead of a sort and a scan of thousands
 * of events, even while other APIs of the same mock are written to.
 */
export interface EventIndex {
  /** The version of the events' content it was built from (see Collection.contentIdentity). */
  version: number;
  /** Oldest first, ties by id. */
  events: MaliciousEvent[];
  memo: Map<string, unknown>;
}

/** Enough for every window and filter a dashboard asks for; cleared wholesale when full (no LRU needed). */
const MEMO_LIMIT = 500;
/** By the events' content: sessions that still share the fixtures' events share one index of them. */
const indexes = new WeakMap<object, EventIndex>();
const NO_EVENTS = {};

export function eventIndex(ctx: Pick<BehaviourContext, 'store' | 'resourceNamed'>): EventIndex {
  const source = ctx.resourceNamed(EVENTS_RESOURCE)?.collection;
  const { key, version } = source?.contentIdentity() ?? { key: NO_EVENTS, version: 0 };
  const cached = indexes.get(key);
  // Keyed on the events alone: a write elsewhere (an incident, a login) must not cost a re-sort of 5,000.
  if (cached && cached.version === version) return cached;
  const stored = source?.list() ?? [];
  const index: EventIndex = {
    version,
    events: (stored as unknown as MaliciousEvent[]).sort(compareEvents),
    memo: new Map(),
  };
  indexes.set(key, index);
  return index;
}

/** The value computed for `key` at this revision (answers must not be mutated by callers). */
export function memoize<T>(index: EventIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  const value = compute();
  index.memo.set(key, value);
  return value;
}

export const nowSeconds = (ctx: Pick<BehaviourContext, 'clock'>): number =>
  Math.floor(ctx.clock.now() / 1000);

/** A time window in epoch seconds, both ends inclusive. */
export interface TimeWindow {
  startS: number;
  endS: number;
}

/**
 * The vendor's reading of a window: a start of 0 or less (or none) means from the beginning, an end of 0 or
 * less (or none) means no upper bound, so an omitted window is all time. Non-numbers count as missing (the
 * request validator has already refused them).
 */
export function readWindow(start: unknown, end: unknown): TimeWindow {
  const given = (value: unknown): value is number =>
    typeof value === 'number' && Number.isFinite(value) && value > 0;
  return { startS: given(start) ? start : 0, endS: given(end) ? end : Number.POSITIVE_INFINITY };
}

export const windowKey = (w: TimeWindow): string => `${w.startS}-${w.endS}`;

/** First position whose timestamp is >= ts (events are sorted by timestamp). */
function lowerBound(events: MaliciousEvent[], ts: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (events[middle].timestamp < ts) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The events of a window, oldest first. */
export function windowEvents(index: EventIndex, window: TimeWindow): MaliciousEvent[] {
  if (window.startS > window.endS) return [];
  return memoize(index, `window:${windowKey(window)}`, () =>
    index.events.slice(lowerBound(index.events, window.startS), lowerBound(index.events, window.endS + 1)),
  );
}
