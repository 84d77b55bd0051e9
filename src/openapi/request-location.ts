import type { RequestLocation } from './model';

/** The parts of a request an annotation location can point into: the mock's validated request, the
 * verifier's planned one. */
export interface RequestValues {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
}

/** Reads an annotation location (`body.access`, `path.uuid`) from a request. */
export function readLocation(request: RequestValues, location: RequestLocation): unknown {
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
