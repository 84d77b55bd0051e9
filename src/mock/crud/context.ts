import {
  readLocation,
  renderTemplate,
  responseTemplate,
  writtenEntity,
  type Operation,
  type TemplateScope,
} from '../../openapi';
import type { Entity } from '../../state';
import type { ValidatedRequest } from '../../validate';
import { fail, ok, type Outcome } from '../outcome';
import type { ResourceRuntime } from './resources';

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

/** The entity fields a create/update/upsert carries: the same reading the verifier expects a read to show. */
export function entityInput(ctx: CrudContext): Entity {
  const { now } = ctx.scope({});
  return writtenEntity(ctx.operation, ctx.request, { now });
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
