import type { Operation, RequestLocation, RequestValues } from '../openapi';
import type { CaseRequest } from './types';

/**
 * A request read back as it went out: what it sent at an annotation location (coverage counts filters sent,
 * sort checks whether the client asked for its own order), and its parts as the mock would read them.
 */
/** What a request sent at an annotation location, read back from the request as it went out. */
export function sentValue(request: CaseRequest, template: string, location: RequestLocation): unknown {
  const [name, ...rest] = location.path;
  const at = request.path.indexOf('?');
  const path = at < 0 ? request.path : request.path.slice(0, at);
  switch (location.in) {
    case 'query': {
      const query = new URLSearchParams(at < 0 ? '' : request.path.slice(at + 1));
      const key = name + rest.map((segment) => `[${segment}]`).join('');
      return [...query.getAll(key), ...query.getAll(`${key}[]`)];
    }
    case 'headers':
      return Object.entries(request.headers).find(
        ([header]) => header.toLowerCase() === name.toLowerCase(),
      )?.[1];
    case 'path': {
      const index = template.split('/').indexOf(`{${name}}`);
      const segment = index < 0 ? undefined : path.split('/')[index];
      return segment === undefined ? undefined : decodeURIComponent(segment);
    }
    case 'body':
      return location.path.reduce<unknown>(
        (node, segment) =>
          node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined,
        parseBody(request),
      );
  }
}

/** A JSON body, or a form body (`a=1&b=2`) as its fields; anything else (malformed JSON) carries nothing. */
export function parseBody(request: CaseRequest): unknown {
  if (request.body === undefined) return undefined;
  const contentType = Object.entries(request.headers).find(([h]) => h.toLowerCase() === 'content-type');
  if (contentType?.[1].includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(request.body));
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    return undefined;
  }
}

/** Sent with a value: not absent, null, empty text or an empty list (an `in` filter of nothing filters nothing). */
export function hasValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasValue);
  return value !== undefined && value !== null && value !== '';
}

/** The request's parts as the mock reads them: path parameters by name, query values, headers, the body. */
export function requestValues(request: CaseRequest, operation: Operation): RequestValues {
  const at = request.path.indexOf('?');
  const path = at < 0 ? request.path : request.path.slice(0, at);
  const names = operation.path.split('/');
  const segments = path.split('/');
  const pathValues: Record<string, unknown> = {};
  names.forEach((name, index) => {
    const match = /^\{(.+)\}$/.exec(name);
    if (match && segments[index] !== undefined) pathValues[match[1]] = decodeURIComponent(segments[index]);
  });
  const query: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(at < 0 ? '' : request.path.slice(at + 1))) {
    const previous = query[name];
    query[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { path: pathValues, query, headers: { ...request.headers }, body: parseBody(request) };
}
