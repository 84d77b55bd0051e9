import { compareText, dayStart, SEVERITIES, type MaliciousEvent } from '../model';

/**
 * Aggregates over a list of events (a window, oldest first). Pure functions: every endpoint that
 * describes the same events is computed from the same list, so the numbers agree by construction.
 */
function countBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Largest count first, ties by name: a stable, documented order. */
const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || compareText(a[0], b[0]);

/** fetchCountBySeverity: the vendor puts the severity in `subCategory` and leaves `category` empty. */
export function severityCounts(events: MaliciousEvent[]) {
  const counts = countBy(events, (e) => e.severity);
  return SEVERITIES.filter((s) => counts.has(s)).map((s) => ({
    category: '',
    subCategory: s,
    count: counts.get(s) as number,
  }));
}

export function categoryCounts(events: MaliciousEvent[]) {
  const counts = countBy(events, (e) => `${e.category}\u0000${e.subCategory}`);
  return [...counts].sort(byCountThenName).map(([key, count]) => {
    const [category, subCategory] = key.split('\u0000');
    return { category, subCategory, count };
  });
}

function byDay(events: MaliciousEvent[]): Map<number, MaliciousEvent[]> {
  const days = new Map<number, MaliciousEvent[]>();
  for (const event of events) {
    const day = dayStart(event.timestamp);
    const bucket = days.get(day);
    if (bucket) bucket.push(event);
    else days.set(day, [event]);
  }
  return days;
}

/** One entry per UTC day with events, oldest first (the input is oldest first, so days come in order). */
export function activityTimeline(events: MaliciousEvent[]) {
  return [...byDay(events)].map(([ts, dayEvents]) => ({
    ts,
    subCategoryWiseData: [...countBy(dayEvents, (e) => e.subCategory)]
      .sort(byCountThenName)
      .map(([subcategory, activityCount]) => ({ subcategory, activityCount })),
  }));
}

const distinctActors = (events: MaliciousEvent[]) => new Set(events.map((e) => e.actor)).size;
const criticalActors = (events: MaliciousEvent[]) =>
  distinctActors(events.filter((e) => e.severity === 'CRITICAL'));

export function dailyActorCounts(events: MaliciousEvent[]) {
  const statuses = countBy(events, (e) => e.status);
  return {
    actorsCounts: [...byDay(events)].map(([ts, dayEvents]) => ({
      ts,
      totalActors: distinctActors(dayEvents),
      criticalActors: criticalActors(dayEvents),
    })),
    totalAnalysed: events.length,
    totalAttacks: events.filter((e) => e.successfulExploit === true).length,
    totalCriticalActors: criticalActors(events),
    totalActiveStatus: statuses.get('ACTIVE') ?? 0,
    totalIgnoredStatus: statuses.get('IGNORED') ?? 0,
    totalUnderReviewStatus: statuses.get('UNDER_REVIEW') ?? 0,
    activeActorsCount: distinctActors(events),
  };
}

/** Distinct actors per country (each actor has one country); unknown countries are left out. */
export function actorsPerCountry(events: MaliciousEvent[]) {
  const countryOfActor = new Map(events.map((e) => [e.actor, e.country]));
  const counts = countBy(
    [...countryOfActor.values()].filter((country) => country !== ''),
    (country) => country,
  );
  return [...counts].sort(byCountThenName).map(([country, count]) => ({ country, count }));
}
