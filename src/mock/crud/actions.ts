import type { Action } from '../../openapi';
import type { Entity } from '../../state';
import { fail, type Outcome } from '../outcome';
import { entityInput, notFound, requestedIds, respond, type CrudContext } from './context';
import { listEntities } from './list';
import { readLocation } from '../../openapi';

export type { CrudContext } from './context';

/** Runs the operation's annotated action on its resource: what the generic engine does for a request. */
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

function createEntity(ctx: CrudContext): Outcome {
  const { resource } = ctx;
  const full = resource.fullMessage();
  if (full) return fail('conflict', full);
  const input = entityInput(ctx);
  for (const field of resource.spec.computed) delete input[field];
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
  // When it was created, and what the server computes, are the server's to say, not the client's.
  for (const field of [resource.spec.created, ...resource.spec.computed]) if (field) delete patch[field];
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
