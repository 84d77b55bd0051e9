import { type BehaviourContext, ok, type Outcome } from '../../../mock';
import { eventIndex, memoize, nowSeconds, readWindow, windowEvents, windowKey } from './event-index';
import {
  dedupesSettings,
  latestPerSetting,
  suspectSampleTest,
  type SuspectSampleFilters,
} from './event-filter';
import { orderEvents } from './event-order';
import { nulls, PAGE_SIZE, type MaliciousEvent } from '../model';
import { buildRequestSample } from '../sample-payload';
import { metadataJson, origJson, protobufPayload } from '../sample-render';

/** The two operations that answer events themselves: the event list and the samples behind one event. */
interface SuspectSampleBody extends SuspectSampleFilters {
  skip?: number;
  limit?: number;
  sort?: Record<string, number>;
  sortBySeverity?: boolean | null;
  startTimestamp?: number;
  endTimestamp?: number;
}

interface AggregateBody {
  actor?: string;
  filterId?: string;
  refId?: string;
  eventType?: string;
}

const FILTER_KEYS: Array<keyof SuspectSampleFilters> = [
  'ips',
  'urls',
  'types',
  'apiCollectionIds',
  'method',
  'subCategory',
  'latestAttack',
  'severity',
  'hosts',
  'looseHostKeys',
  'claudeDeviceIds',
  'matchClaudeConfig',
  'searchText',
  'latestApiOrigRegex',
  'statusFilter',
  'successfulExploit',
  'skillEvaluationMode',
  'configEvaluationMode',
];

/** An event as the vendor answers it: its request sample, and the keys it fills with defaults. */
function answered(ctx: BehaviourContext, event: MaliciousEvent) {
  return {
    ...event,
    payload: protobufPayload(buildRequestSample(ctx.seed, event)),
    // The seeded events are API traffic: none belongs to an agent session, none carries OWASP categories.
    sessionId: '',
    jiraTicketUrl: event.jiraTicketUrl ?? '',
    owaspCategories: null,
  };
}

/** The events of the window that pass every filter, oldest first (memoised per revision and request). */
function matchingEvents(ctx: BehaviourContext, body: SuspectSampleBody, contextSource: string) {
  const index = eventIndex(ctx);
  const window = readWindow(body.startTimestamp, body.endTimestamp);
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, body[key] ?? null]));
  const key = `events:${windowKey(window)}:${contextSource}:${JSON.stringify(filters)}`;
  return memoize(index, key, () => {
    const test = suspectSampleTest(body, contextSource, ctx.seed);
    const kept = windowEvents(index, window).filter(test);
    return { key, events: dedupesSettings(body, contextSource) ? latestPerSetting(kept) : kept };
  });
}

export function fetchSuspectSampleData(ctx: BehaviourContext): Outcome {
  const body = (ctx.request.body ?? {}) as SuspectSampleBody;
  const contextSource = String(ctx.request.headers['x-context-source'] ?? '').toUpperCase();
  let matching: { key: string; events: MaliciousEvent[] };
  try {
    matching = matchingEvents(ctx, body, contextSource);
  } catch (error) {
    // An expression that is not valid fails the vendor's backend, and the dashboard action answers no events.
    if (!(error instanceof SyntaxError)) throw error;
    matching = { key: 'invalid-expression', events: [] };
  }
  const bySeverity = body.sortBySeverity === true && !dedupesSettings(body, contextSource);
  const skip = Math.max(0, body.skip ?? 0);
  const limit = body.limit !== undefined && body.limit > 0 ? body.limit : PAGE_SIZE;
  const page = orderEvents(eventIndex(ctx), matching, body.sort, bySeverity, skip, limit);
  return ok({
    severity: body.severity ?? null,
    total: matching.events.length,
    urls: body.urls ?? null,
    subCategory: body.subCategory ?? null,
    types: body.types ?? null,
    sampleData: null,
    maliciousEvents: page.map((event) => answered(ctx, event)),
    limit,
    skip,
    sort: body.sort ?? null,
    endTimestamp: body.endTimestamp ?? 0,
    startTimestamp: body.startTimestamp ?? 0,
  });
}

/** The requests behind one event: a SINGLE event is one request, an AGGREGATED one all of its refId. */
export function fetchAggregateMaliciousRequests(ctx: BehaviourContext): Outcome {
  const body = (ctx.request.body ?? {}) as AggregateBody;
  const index = eventIndex(ctx);
  const byRef = memoize(index, 'byRefId', () => {
    const groups = new Map<string, MaliciousEvent[]>();
    for (const event of index.events) {
      const group = groups.get(event.refId);
      if (group) group.push(event);
      else groups.set(event.refId, [event]);
    }
    return groups;
  });
  const events = (byRef.get(body.refId ?? '') ?? [])
    .filter((e) => e.actor === body.actor && e.filterId === body.filterId)
    .reverse();
  return ok({
    ...nulls('country', 'splunkUrl'),
    skip: 0,
    startTs: 0,
    sort: null,
    eventType: body.eventType ?? null,
    ...nulls('splunkToken'),
    actorsCountPerCounty: 'SUCCESS',
    actorsCountPerCountry: null,
    actor: body.actor ?? null,
    filterId: body.filterId ?? null,
    ...nulls('latestAttack', 'actors'),
    total: 0,
    actorId: null,
    endTs: nowSeconds(ctx),
    maliciousPayloadsResponses: events.map((event) => ({
      orig: origJson(buildRequestSample(ctx.seed, event)),
      metadata: metadataJson(event.country),
      ts: event.timestamp,
    })),
    refId: body.refId ?? null,
    ...nulls('status', 'actorIp'),
  });
}
