import type { RequestLocation } from '../../openapi';
import type { ValidatedRequest } from '../../validate';

/** Reads an annotation location (`body.access`, `path.uuid`) from a validated request. */
export function readLocation(request: ValidatedRequest, location: RequestLocation): unknown {
  let node: unknown = {
    path: request.path,
    query: request.query,
    headers: request.headers,
    body: request.body,
  }[location.in];
  for (const segment of location.path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
