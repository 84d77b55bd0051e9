import type { Operation, SchemaPath } from '../../openapi';
import type { ValidatedRequest } from '../../validate';
import { renderTemplate } from '../../openapi';

/**
 * A request the vendor accepts, in the document's terms, so that the vendor's own spellings and shapes
 * update the same state as the document's: a body sent in one of the vendor's other shapes is mapped
 * through its `as` template, then each aliased value (`ROLE_USER`) becomes the document's (`2`).
 */
export function asDocumented(
  operation: Operation,
  request: ValidatedRequest,
  bodyShape: number | undefined,
): ValidatedRequest {
  const accepts = operation.accepts;
  if (!accepts) return request;
  const template = bodyShape === undefined ? undefined : accepts.bodies[bodyShape]?.as;
  const body =
    template === undefined
      ? structuredClone(request.body)
      : renderTemplate(template, { body: request.body, query: request.query, path: request.path });
  const mapped: ValidatedRequest = {
    ...request,
    body,
    query: { ...request.query },
    path: { ...request.path },
  };
  for (const { at, map } of accepts.aliases) mapAt(mapped, at, map);
  return mapped;
}

function mapAt(request: ValidatedRequest, at: SchemaPath, map: Record<string, unknown>): void {
  const root = { path: request.path, query: request.query, headers: request.headers, body: request.body }[
    at.in
  ];
  const replace = (value: unknown) =>
    typeof value === 'string' && Object.prototype.hasOwnProperty.call(map, value) ? map[value] : value;
  if (at.steps.length === 0) {
    if (at.in === 'body') request.body = replace(request.body);
    return;
  }
  visit(root, at.steps, replace);
}

/** Replaces the value at the path in place, through every array item (`[]`) and map value (`*`). */
function visit(node: unknown, steps: string[], replace: (value: unknown) => unknown): void {
  if (node === null || typeof node !== 'object') return;
  const [step, ...rest] = steps;
  const record = node as Record<string, unknown>;
  const keys = step === '[]' || step === '*' ? Object.keys(record) : step in record ? [step] : [];
  for (const key of keys) {
    if (rest.length === 0) record[key] = replace(record[key]);
    else visit(record[key], rest, replace);
  }
}
