import { type Action, type ListFilter, type Operation, responseTemplate } from '../../openapi';
import type { Entity } from '../../state';
import type { ValidatedRequest } from '../../validate';
import { readLocation } from './locations';
import { fail, ok, type Outcome } from '../outcome';
import type { ResourceRuntime } from './resources';
import { renderTemplate, type TemplateScope } from './template';

/** Everything a generic action needs: the operation, its resource and the validated request. */
export interface CrudContext {
  operation: Operation;
  resource: ResourceRuntime;
  request: ValidatedRequest;
  /** Advances the clock: every write is one second later than the last. */
  tick(): void;
  scope(extra: TemplateScope): TemplateScope;
}

export function runAction(ctx: CrudContext): Outcome {
  const action = ctx.operation.mock.action as Action;
  const handlers: Record<Action, (c: CrudContext) => Outcome> = {
    create: createEntity,
    read: readEntity,
    list: listEntities,
    update: updateEntity,
    delete: deleteEntities,
    upsert: upsertEntity,
    exists: entityExists,
  };
  return handlers[action](ctx);
}

function respond(ctx: CrudContext, scope: TemplateScope): Outcome {
  return ok(renderTemplate(responseTemplate(ctx.operation), ctx.scope(scope)));
}

/** The entity fields a create/update/upsert carries: a location (default: the body) or a template. */
function entityInput(ctx: CrudContext): Entity {
  const source = ctx.operation.mock.entity;
  const value =
    source === undefined
      ? ctx.request.body
      : 'template' in source
        ? renderTemplate(source.template, ctx.scope({}))
        : readLocation(ctx.request, source);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Entity) } : {};
}

function requestedIds(ctx: CrudContext): unknown[] {
  const location = ctx.operation.mock.id;
  if (!location) return [];
  const value = readLocation(ctx.request, location);
  if (location.many) return Array.isArray(value) ? value : value === undefined ? [] : [value];
  return value === undefined ? [] : [value];
}

function notFound(ctx: CrudContext, id: unknown): Outcome {
  return fail('notFound', `${ctx.resource.name} '${String(id)}' not found`);
}

function createEntity(ctx: CrudContext): Outcome {
  const { resource } = ctx;
  const full = resource.fullMessage();
  if (full) return fail('conflict', full);
  const input = entityInput(ctx);
  const keyField = resource.spec.key;
  let key: unknown;
  if (resource.spec.singleton) key = undefined;
  else if (resource.spec.id.kind === 'client') {
    key = keyField ? input[keyField] : undefined;
    if (key === undefined || key === '') return fail('validation', `${keyField ?? 'key'} is required`);
    if (resource.collection.has(key))
      return fail('conflict', `${resource.name} '${String(key)}' already exists`);
  } else key = resource.nextKey();
  if (keyField && key !== undefined) input[keyField] = key;
  ctx.tick();
  const entity = resource.complete(input, key ?? resource.name);
  resource.stampCreated(entity);
  resource.collection.put(resource.keyOf(entity), entity);
  return respond(ctx, { entity: resource.mask(entity), id: key });
}

function readEntity(ctx: CrudContext): Outcome {
  const [id] = requestedIds(ctx);
  const entity = ctx.resource.find(id, ctx.operation.mock.by);
  if (!entity) return notFound(ctx, id);
  return respond(ctx, { entity: ctx.resource.mask(entity), id });
}

function updateEntity(ctx: CrudContext): Outcome {
  const { resource } = ctx;
  const [id] = requestedIds(ctx);
  const entity = resource.find(id, ctx.operation.mock.by);
  if (!entity) return notFound(ctx, id);
  ctx.tick();
  const updated = mergeInto(ctx, entity);
  resource.collection.put(resource.keyOf(updated), updated);
  return respond(ctx, { entity: resource.mask(updated), id });
}

/** Changed fields replace stored ones (partial update); `unset` names fields to clear. The key never changes. */
function mergeInto(ctx: CrudContext, entity: Entity): Entity {
  const { resource } = ctx;
  const keyField = resource.spec.key;
  const patch = entityInput(ctx);
  if (keyField) delete patch[keyField];
  // A flat update body carries its own `attributes_to_delete`: that is an instruction, not a field.
  const unsetLocation = ctx.operation.mock.unset;
  if (unsetLocation && unsetLocation.path.length === 1 && isBodyEntity(ctx))
    delete patch[unsetLocation.path[0]];
  // A client sends back the masked secret it was shown (or nothing): that keeps the stored one.
  const merged: Entity = { ...entity, ...resource.keepStoredSecrets(patch, entity) };
  const unset = ctx.operation.mock.unset && readLocation(ctx.request, ctx.operation.mock.unset);
  if (Array.isArray(unset)) for (const field of unset) if (field !== keyField) delete merged[String(field)];
  resource.stampUpdated(merged);
  return merged;
}

function isBodyEntity(ctx: CrudContext): boolean {
  const source = ctx.operation.mock.entity;
  return (
    source === undefined || (!('template' in source) && source.in === 'body' && source.path.length === 0)
  );
}

function upsertEntity(ctx: CrudContext): Outcome {
  const { resource } = ctx;
  const [id] = requestedIds(ctx);
  const existing = resource.spec.singleton
    ? resource.find(undefined)
    : id === undefined
      ? undefined
      : resource.find(id, ctx.operation.mock.by);
  if (existing) {
    ctx.tick();
    const updated = mergeInto(ctx, existing);
    resource.collection.put(resource.keyOf(updated), updated);
    return respond(ctx, { entity: resource.mask(updated), id });
  }
  const input = entityInput(ctx);
  if (!resource.spec.singleton && resource.spec.key)
    input[resource.spec.key] = id ?? input[resource.spec.key] ?? resource.nextKey();
  ctx.tick();
  const entity = resource.complete(input, id ?? resource.name);
  resource.stampCreated(entity);
  resource.collection.put(resource.keyOf(entity), entity);
  return respond(ctx, { entity: resource.mask(entity), id });
}

/** Deletes all the ids or none: an unknown id refuses the whole request and nothing stored is lost. */
function deleteEntities(ctx: CrudContext): Outcome {
  const { resource } = ctx;
  if (resource.spec.singleton) {
    const existing = resource.find(undefined);
    ctx.tick();
    resource.collection.clear();
    return respond(ctx, { entity: existing && resource.mask(existing) });
  }
  const ids = requestedIds(ctx);
  const entities = ids.map((id) => resource.find(id, ctx.operation.mock.by));
  const missing = ids.filter((_, i) => entities[i] === undefined);
  if (missing.length > 0)
    return fail('notFound', ...missing.map((id) => `${resource.name} '${String(id)}' not found`));
  ctx.tick();
  for (const entity of entities as Entity[]) resource.collection.remove(resource.keyOf(entity));
  return respond(ctx, {
    id: ids.length === 1 ? ids[0] : ids,
    entity: entities.length === 1 ? resource.mask(entities[0] as Entity) : undefined,
  });
}

function entityExists(ctx: CrudContext): Outcome {
  const [id] = requestedIds(ctx);
  return respond(ctx, { exists: ctx.resource.find(id, ctx.operation.mock.by) !== undefined, id });
}

function listEntities(ctx: CrudContext): Outcome {
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
