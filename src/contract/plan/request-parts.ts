import type { Faker } from '@faker-js/faker';
import { generateFromSchema } from '../../generate';
import type { MediaTypeSpec, Operation, Parameter, RequestLocation } from '../../openapi';
import { applyCredential, type CredentialBook } from './credentials';
import type { CaseRequest } from '../types';

/** The parts of a request before they are serialised: what the planner mutates for negative cases. */
export interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
  /** Sent verbatim instead of the serialised body (malformed JSON). */
  rawBody?: string;
  contentType?: string;
  /** The stored entity's key the request addresses, when it addresses one (put there by withKey). */
  key?: unknown;
}

export type CredentialMode = 'valid' | 'none' | { scheme: string; value: string };

export function jsonMedia(operation: Operation): MediaTypeSpec | undefined {
  const content = operation.requestBody?.content ?? [];
  return (
    content.find((m) => m.contentType === 'application/json') ??
    content.find((m) => m.contentType.includes('json')) ??
    content[0]
  );
}

function parameterValue(parameter: Parameter, faker: Faker, now: number): unknown {
  const example = parameter.examples[0]?.value ?? (parameter.schema as { example?: unknown }).example;
  return example !== undefined
    ? example
    : generateFromSchema(parameter.schema, { faker, now, maxDepth: 2 }, parameter.name);
}

/**
 * A valid request for the operation: parameters from their examples or generated from their schemas
 * (optional query parameters left out, so lists are not filtered to nothing), and the given body.
 */
export function validParts(operation: Operation, faker: Faker, now: number, body: unknown): RequestParts {
  const parts: RequestParts = { path: {}, query: {}, headers: {} };
  for (const parameter of operation.parameters) {
    if (parameter.in === 'cookie' || (!parameter.required && parameter.in !== 'path')) continue;
    const value = parameterValue(parameter, faker, now);
    if (parameter.in === 'header') parts.headers[parameter.name.toLowerCase()] = String(value);
    else parts[parameter.in][parameter.name] = value;
  }
  const media = jsonMedia(operation);
  // HTTP clients (fetch among them) cannot send a body with GET or HEAD, whatever a document says.
  if (media && operation.method !== 'get' && operation.method !== 'head') {
    parts.contentType = media.contentType;
    parts.body = body;
  }
  return parts;
}

/** Puts a known key where the operation's annotation says the key is read from. */
export function withKey(operation: Operation, parts: RequestParts, key: unknown): RequestParts {
  const location = operation.mock.id;
  if (!location || key === undefined) return parts;
  const value = location.many ? [key] : key;
  const next: RequestParts = { ...parts, path: { ...parts.path }, query: { ...parts.query }, key };
  if (location.in === 'path' || location.in === 'query') next[location.in][location.path[0]] = value;
  else if (location.in === 'body') next.body = setIn(structuredClone(parts.body ?? {}), location.path, value);
  return next;
}

/** The parts with a value put at an annotation location (a filter, a page number, a window end). */
export function withValue(parts: RequestParts, location: RequestLocation, value: unknown): RequestParts {
  const [name] = location.path;
  switch (location.in) {
    case 'body':
      return { ...parts, body: setIn(structuredClone(parts.body ?? {}), location.path, value) };
    case 'headers':
      return { ...parts, headers: { ...parts.headers, [name.toLowerCase()]: String(value) } };
    default:
      return { ...parts, [location.in]: { ...parts[location.in], [name]: value } };
  }
}

export function setIn(target: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const record =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : {};
  record[path[0]] = setIn(record[path[0]], path.slice(1), value);
  return record;
}

/** Serialises parts into a request; credentials as the mode says. Returns the secrets it used. */
export function toRequest(
  operation: Operation,
  parts: RequestParts,
  book: CredentialBook,
  mode: CredentialMode = 'valid',
): CaseRequest {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      query.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const headers: Record<string, string> = { accept: 'application/json', ...parts.headers };
  if (mode === 'valid') {
    for (const requirement of book.alternativeFor(operation) ?? []) {
      const scheme = book.schemes.get(requirement.scheme);
      const value = book.get(requirement.scheme);
      if (scheme && value !== undefined) applyCredential(scheme, value, headers, query);
    }
  } else if (mode !== 'none') {
    const scheme = book.schemes.get(mode.scheme);
    if (scheme) applyCredential(scheme, mode.value, headers, query);
  }
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(parts.path[name] ?? '')),
  );
  const search = query.toString();
  const request: CaseRequest = {
    method: operation.method,
    path: search ? `${path}?${search}` : path,
    headers,
  };
  const body = parts.rawBody ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body));
  if (body !== undefined) {
    request.body = body;
    request.headers['content-type'] = parts.contentType ?? 'application/json';
  }
  return request;
}
