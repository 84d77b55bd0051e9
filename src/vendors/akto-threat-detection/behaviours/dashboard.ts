import { fail, ok, type BehaviourContext, type Outcome } from '../../../mock';
import { eventIndex, memoize, nowSeconds } from './event-index';
import { nulls, PAGE_SIZE, TEMPLATES_RESOURCE } from '../model';
import { filteredWindow, listed, type WindowBody } from './windows';
import {
  actorRows,
  API_SORT_FIELDS,
  apiRows,
  readSort,
  rowsAfter,
  sortActors,
  sortApis,
  threatActorFilters,
  threatTableFilters,
} from './tables';
import { remediationMarkdown } from '../seed/templates';

/**
 * The threat dashboard's tables over the request's time window and filters: actors, APIs, the filter
 * choices, and the remediation text (memoised per store revision, window and filters).
 */
interface ActorsBody extends WindowBody {
  skip?: number;
  sort?: Record<string, number>;
  country?: string[] | null;
  actorId?: string[] | null;
  host?: string[] | null;
  cursor?: string | null;
}

export function fetchThreatActors(ctx: BehaviourContext): Outcome {
  const body = (ctx.request.body ?? {}) as ActorsBody;
  const { index, key, events } = filteredWindow(ctx, body, {
    latestAttack: { values: body.latestAttack, valueOf: (e) => e.filterId },
    country: { values: body.country, valueOf: (e) => e.country },
    actorId: { values: body.actorId, valueOf: (e) => e.actor },
  });
  const order = readSort(body.sort, ['discoveredAt'] as const, 'discoveredAt');
  const hosts = listed(body.host) ? new Set(body.host) : undefined;
  const sorted = memoize(index, `actors:${key}:${JSON.stringify(body.host ?? [])}:${order.direction}`, () =>
    sortActors(
      actorRows(events).filter((row) => !hosts || hosts.has(row.latestApiHost)),
      order,
    ),
  );
  const skip = body.skip ?? 0;
  const page = body.cursor
    ? rowsAfter(sorted, body.cursor, order.direction).slice(0, PAGE_SIZE)
    : sorted.slice(skip, skip + PAGE_SIZE);
  return ok({
    ...nulls('splunkUrl', 'eventType', 'splunkToken', 'actorsCountPerCountry', 'actor', 'filterId'),
    skip,
    startTs: body.startTs ?? 0,
    actorsCountPerCounty: 'SUCCESS',
    sort: body.sort ?? null,
    actors: page,
    total: sorted.length,
    endTs: body.endTs ?? 0,
    ...nulls('maliciousPayloadsResponses', 'refId', 'actorIp', 'status'),
  });
}

export function fetchThreatApis(ctx: BehaviourContext): Outcome {
  const body = (ctx.request.body ?? {}) as ActorsBody;
  // The dashboard sends no window here: every stored event counts.
  const { index, key, events } = filteredWindow(
    ctx,
    {},
    {
      latestAttack: { values: body.latestAttack, valueOf: (e) => e.filterId },
    },
  );
  const order = readSort(body.sort, API_SORT_FIELDS, 'discoveredAt');
  const sorted = memoize(index, `apis:${key}:${order.field}:${order.direction}`, () =>
    sortApis(
      memoize(index, `apis:${key}`, () => apiRows(events)),
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
  const body = (ctx.request.body ?? {}) as { startTimestamp?: number; endTimestamp?: number };
  const window = { startTs: body.startTimestamp, endTs: body.endTimestamp };
  const { index, key, events } = filteredWindow(ctx, window, {});
  const filters = memoize(index, `tableFilters:${key}`, () => threatTableFilters(events));
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
    endTimestamp: body.endTimestamp ?? 0,
    startTimestamp: body.startTimestamp ?? 0,
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
