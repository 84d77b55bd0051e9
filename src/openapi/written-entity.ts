import type { Operation } from './model';
import { renderTemplate, type TemplateScope } from './render-template';
import { readLocation, type RequestValues } from './request-location';

/**
 * The entity fields a create, update or upsert carries, read from its request as its `entity` annotation
 * says (the body by default, a location such as `body.user`, or a template mapping request values to entity
 * fields). The mock stores them; the verifier expects a read to show them back. `extra` adds to the template
 * scope (the mock's clock reading `$now`).
 */
export function writtenEntity(
  operation: Operation,
  request: RequestValues,
  extra: TemplateScope = {},
): Record<string, unknown> {
  const source = operation.mock.entity;
  const { path, query, headers, body } = request;
  const value =
    source === undefined
      ? body
      : 'template' in source
        ? renderTemplate(source.template, { body, query, path, headers, ...extra })
        : readLocation(request, source);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}
