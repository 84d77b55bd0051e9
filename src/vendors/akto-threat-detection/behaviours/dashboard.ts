import { fail, ok, type BehaviourContext, type Outcome } from '../../../mock';
import { eventIndex, memoize, nowSeconds, readWindow, windowEvents, windowKey } from './event-index';
import { nulls, PAGE_SIZE, TEMPLATES_RESOURCE, type MaliciousEvent } from '../model';
import {
  actorRows,
  API_SORT_FIELDS,
  apiRows,
  readSort,
  sortActors,
  sortApis,
  threatActorFilters,
  threatTableFilters,
} from './tables';
import { remediationMarkdown } from '../seed/templates';

/**
 * The threat dashboard's views over the request's time window: actors, APIs, the filter choices, the
 * remediation text, and the windowed aggregates (memoised per store revision, window and operation).
 */
interface WindowBody {
  startTs?: number;
  endTs?: number;
}
interface ActorsBody extends WindowBody {
  skip?: number;
  sort?: Record<string, number>;
}

/** The events of the request's [startTs, endTs] window and the memo key of an answer about them. */
function requestWindow(ctx: BehaviourContext) {
  const body = (ctx.request.body ?? {}) as WindowBody;
  const index = eventIndex(ctx);
  const window = readWindow(body.startTs, body.endTs, nowSeconds(ctx));
  return { body, index, window, events: windowEvents(index, window) };
}

/** A windowed aggregate, memoised per revision, window and operation. */
export function windowed<T>(compute: (events: MaliciousEvent[]) => T, wrap: (value: T) => unknown) {
  return (ctx: BehaviourContext): Outcome => {
    const { index, window, events } = requestWindow(ctx);
    const key = `${ctx.operation.operationId}:${windowKey(window)}`;
    return ok(wrap(memoize(index, key, () => compute(events))));
  };
}

export function fetchThreatActors(ctx: BehaviourContext): Outcome {
  const { index, window, events } = requestWindow(ctx);
  const body = ctx.request.body as ActorsBody;
  const order = readSort(body.sort, ['discoveredAt'] as const, 'discoveredAt');
  const sorted = memoize(index, `actors:${windowKey(window)}:${order.direction}`, () =>
    sortActors(actorRows(events), order),
  );
  const skip = body.skip ?? 0;
  return ok({
    ...nulls('splunkUrl', 'eventType', 'splunkToken', 'actorsCountPerCountry', 'actor', 'filterId'),
    skip,
    startTs: body.startTs ?? 0,
    actorsCountPerCounty: 'SUCCESS',
    sort: body.sort ?? null,
    actors: sorted.slice(skip, skip + PAGE_SIZE),
    total: sorted.length,
    endTs: body.endTs ?? 0,
    ...nulls('maliciousPayloadsResponses', 'refId', 'actorIp', 'status'),
  });
}

export function fetchThreatApis(ctx: BehaviourContext): Outcome {
  const index = eventIndex(ctx);
  const body = ctx.request.body as ActorsBody;
  const order = readSort(body.sort, API_SORT_FIELDS, 'discoveredAt');
  const sorted = memoize(index, `apis:${order.field}:${order.direction}`, () =>
    sortApis(
      memoize(index, 'apis', () => apiRows(index.events)),
      order,
    ),
  );
  const skip = body.skip ?? 0;
  return ok({
    total: sorted.length,
    threatActivityTimeline: 'SUCCESS',
    apis: sorted.slice(skip, skip + PAGE_SIZE),
    dailyThreatActorsCount: 'SUCCESS',
    endTs: 0,
    skip,
    startTs: 0,
    sort: body.sort ?? null,
    actorsCounts: null,
    categoryCounts: null,
  });
}

export function fetchFiltersThreatTable(ctx: BehaviourContext): Outcome {
  const index = eventIndex(ctx);
  const filters = memoize(index, 'tableFilters', () => threatTableFilters(index.events));
  return ok({
    ...nulls(
      'severity',
      'types',
      'apiCollectionIds',
      'sort',
      'latestAttack',
      'sampleData',
      'maliciousEvents',
    ),
    ...filters,
    skip: 0,
    total: 0,
    limit: PAGE_SIZE,
    endTimestamp: 0,
    startTimestamp: 0,
  });
}

export function fetchFiltersForThreatActors(ctx: BehaviourContext): Outcome {
  const index = eventIndex(ctx);
  const filters = memoize(index, 'actorFilters', () => threatActorFilters(index.events));
  return ok({
    ...nulls('splunkUrl', 'eventType', 'splunkToken', 'sort', 'actorsCountPerCountry', 'actor', 'filterId'),
    ...filters,
    startTs: 0,
    skip: 0,
    actorsCountPerCounty: 'SUCCESS',
    actors: null,
    total: 0,
    endTs: nowSeconds(ctx),
    ...nulls('maliciousPayloadsResponses', 'refId', 'actorIp', 'status'),
  });
}

export function fetchRemediationInfo(ctx: BehaviourContext): Outcome {
  const testId = String((ctx.request.body as { testId?: unknown })?.testId ?? '').trim();
  if (testId === '') return fail('validation', 'testId is empty');
  return ok(remediationMarkdown(testId, ctx.resourceNamed(TEMPLATES_RESOURCE)?.find(testId)));
}
