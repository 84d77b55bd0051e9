import { type Operation, responseTemplate } from '../../openapi';
import type { Entity } from '../../state';
import type { ValidatedRequest } from '../../validate';
import { fail, ok, type Outcome } from '../outcome';
import { readLocation } from './locations';
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

/** The success answer: the operation's response template with the action's results in scope. */
export function respond(ctx: CrudContext, scope: TemplateScope): Outcome {
  return ok(renderTemplate(responseTemplate(ctx.operation), ctx.scope(scope)));
}

/** The entity fields a create/update/upsert carries: a location (default: the body) or a template. */
export function entityInput(ctx: CrudContext): Entity {
  const source = ctx.operation.mock.entity;
  const value =
    source === undefined
      ? ctx.request.body
      : 'template' in source
        ? renderTemplate(source.template, ctx.scope({}))
        : readLocation(ctx.request, source);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Entity) } : {};
}

export function requestedIds(ctx: CrudContext): unknown[] {
  const location = ctx.operation.mock.id;
  if (!location) return [];
  const value = readLocation(ctx.request, location);
  if (location.many) return Array.isArray(value) ? value : value === undefined ? [] : [value];
  return value === undefined ? [] : [value];
}

export function notFound(ctx: CrudContext, id: unknown): Outcome {
  return fail('notFound', `${ctx.resource.name} '${String(id)}' not found`);
}
