import { type BehaviourContext, ok, type Outcome } from '../../../mock';
import { eventIndex, memoize, nowSeconds, readWindow, windowEvents, windowKey } from './event-index';
import { nulls, PAGE_SIZE, type MaliciousEvent } from '../model';
import { buildRequestSample } from '../sample-payload';
import { metadataJson, origJson, protobufPayload } from '../sample-render';
import { readSort } from './tables';

/** The two operations that answer events themselves: the event list and the samples behind one event. */
interface SuspectSampleBody {
  urls?: string[];
  types?: string[];
  skip?: number;
  limit?: number;
  sort?: Record<string, number>;
  startTimestamp?: number;
  endTimestamp?: number;
}

interface AggregateBody {
  actor?: string;
  filterId?: string;
  refId?: string;
  eventType?: string;
}

function keepMatching(events: MaliciousEvent[], urls: string[], types: string[]): MaliciousEvent[] {
  if (urls.length === 0 && types.length === 0) return events;
  const wantedUrls = new Set(urls);
  const wantedTypes = new Set(types);
  return events.filter(
    (e) => (urls.length === 0 || wantedUrls.has(e.url)) && (types.length === 0 || wantedTypes.has(e.type)),
  );
}

/** A page of a list held oldest first, read in either direction without copying the whole list. */
function pageOf<T>(ascending: T[], direction: 1 | -1, skip: number, limit: number): T[] {
  if (direction === 1) return ascending.slice(skip, skip + limit);
  const end = ascending.length - skip;
  return end <= 0 ? [] : ascending.slice(Math.max(0, end - limit), end).reverse();
}

export function fetchSuspectSampleData(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as SuspectSampleBody;
  const index = eventIndex(ctx);
  const window = readWindow(body.startTimestamp, body.endTimestamp, nowSeconds(ctx));
  const urls = body.urls ?? [];
  const types = body.types ?? [];
  const matching = memoize(index, `events:${windowKey(window)}:${JSON.stringify([urls, types])}`, () =>
    keepMatching(windowEvents(index, window), urls, types),
  );
  const order = readSort(body.sort, ['detectedAt', 'timestamp'] as const, 'detectedAt');
  const skip = body.skip ?? 0;
  const limit = body.limit ?? PAGE_SIZE;
  return ok({
    severity: null,
    total: matching.length,
    urls: body.urls ?? null,
    subCategory: null,
    types: body.types ?? null,
    sampleData: null,
    maliciousEvents: pageOf(matching, order.direction, skip, limit).map((event) => ({
      ...event,
      payload: protobufPayload(buildRequestSample(ctx.seed, event)),
    })),
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
