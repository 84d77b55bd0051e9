import { compareEvents, type MaliciousEvent } from '../model';
import { memoize, type EventIndex } from './event-index';
import { readSort } from './tables';

/**
 * The order of fetchSuspectSampleData's events, then one page of them. By time (`sort.detectedAt`, alias
 * `timestamp`; default newest first), or with `sortBySeverity` by the vendor's rank CRITICAL 1, HIGH 2,
 * MEDIUM 3, LOW 4, anything else 5, in the direction of `sort.severity` (default 1: most severe first);
 * events of one rank come newest first.
 */
const RANK: Record<string, number> = { CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 4 };
const rankOf = (event: MaliciousEvent): number => RANK[event.severity] ?? 5;

/** A page of a list held oldest first, read in either direction without copying the whole list. */
function pageOf<T>(ascending: T[], direction: 1 | -1, skip: number, limit: number): T[] {
  if (direction === 1) return ascending.slice(skip, skip + limit);
  const end = ascending.length - skip;
  return end <= 0 ? [] : ascending.slice(Math.max(0, end - limit), end).reverse();
}

export function orderEvents(
  index: EventIndex,
  matching: { key: string; events: MaliciousEvent[] },
  sort: Record<string, number> | undefined,
  bySeverity: boolean,
  skip: number,
  limit: number,
): MaliciousEvent[] {
  if (!bySeverity) {
    const order = readSort(sort, ['detectedAt', 'timestamp'] as const, 'detectedAt');
    return pageOf(matching.events, order.direction, skip, limit);
  }
  const direction = sort?.severity === -1 ? -1 : 1;
  const ranked = memoize(index, `${matching.key}:severity:${direction}`, () =>
    [...matching.events].sort((a, b) => direction * (rankOf(a) - rankOf(b)) || compareEvents(b, a)),
  );
  return ranked.slice(skip, skip + limit);
}
