import type { ListFilter } from '../../openapi';
import type { Entity } from '../../state';
import type { Outcome } from '../outcome';
import { respond, type CrudContext } from './context';
import { compareForSort, filterMatches, readLocation } from '../../openapi';

/** A filtered, sorted page of the resource's entities, the page's numbers in scope ($page). */
export function listEntities(ctx: CrudContext): Outcome {
  const { page, sort, filters } = ctx.operation.mock;
  let items = ctx.resource.collection
    .list()
    .filter((entity) => filters.every((f) => matches(ctx, f, entity)));
  if (sort) {
    const direction = sort.order === 'desc' ? -1 : 1;
    items = [...items].sort((a, b) => direction * compareForSort(a[sort.by], b[sort.by]));
  }
  const total = items.length;
  const offsetValue = page?.offset && Number(readLocation(ctx.request, page.offset)) - (page.base ?? 0);
  const offset = Number.isFinite(offsetValue) && (offsetValue as number) > 0 ? (offsetValue as number) : 0;
  const requested = page?.limit && Number(readLocation(ctx.request, page.limit));
  let limit =
    Number.isFinite(requested) && (requested as number) > 0
      ? (requested as number)
      : (page?.defaultLimit ?? Math.max(total, 1));
  if (page?.maxLimit) limit = Math.min(limit, page.maxLimit);
  const pageItems = items.slice(offset, offset + limit).map((e) => ctx.resource.mask(e));
  return respond(ctx, {
    items: pageItems,
    page: { offset, limit, total, pages: Math.max(1, Math.ceil(total / limit)), count: pageItems.length },
  });
}

function matches(ctx: CrudContext, filter: ListFilter, entity: Entity): boolean {
  return filterMatches(filter.match, readLocation(ctx.request, filter.param), entity[filter.field]);
}
