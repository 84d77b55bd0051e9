import type { ListFilter } from '../../openapi';
import type { Entity } from '../../state';
import type { Outcome } from '../outcome';
import { respond, type CrudContext } from './context';
import { readLocation } from '../../openapi';

/** A filtered, sorted page of the resource's entities, the page's numbers in scope ($page). */
export function listEntities(ctx: CrudContext): Outcome {
  const { page, sort, filters } = ctx.operation.mock;
  let items = ctx.resource.collection
    .list()
    .filter((entity) => filters.every((f) => matches(ctx, f, entity)));
  if (sort) {
    const direction = sort.order === 'desc' ? -1 : 1;
    items = [...items].sort((a, b) => direction * compare(a[sort.by], b[sort.by]));
  }
  const total = items.length;
  const offsetValue = page?.offset && Number(readLocation(ctx.request, page.offset));
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

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function matches(ctx: CrudContext, filter: ListFilter, entity: Entity): boolean {
  const wanted = readLocation(ctx.request, filter.param);
  if (wanted === undefined || wanted === '' || (Array.isArray(wanted) && wanted.length === 0)) return true;
  const actual = entity[filter.field];
  const same = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();
  switch (filter.match) {
    case 'prefix':
      return typeof actual === 'string' && actual.startsWith(String(wanted));
    case 'contains':
      return String(actual ?? '')
        .toLowerCase()
        .includes(String(wanted).toLowerCase());
    case 'in':
      return (Array.isArray(wanted) ? wanted : [wanted]).some((w) => same(actual, w));
    default:
      return Array.isArray(actual) ? actual.some((a) => same(a, wanted)) : same(actual, wanted);
  }
}
