import type { Faker } from '@faker-js/faker';
import {
  instantOf,
  itemsPointer,
  pagePointers,
  type ClockFormat,
  type JsonSchema,
  type ListFilter,
  type Operation,
  type RequestLocation,
  type ResourceSpec,
} from '../../openapi';
import { mergeAllOf } from '../../generate';
import type { SchemaCompiler } from '../../schema';
import type { ListShape } from '../types';
import { jsonMedia } from './request-parts';

/**
 * The values behavioural probes send, planned from what the contract declares and the data an earlier
 * answer showed: the pages of a walk, a filter value taken from an item, a time window around items'
 * times, an id nothing is stored under. Pure: run/probes.ts sends them.
 */

type Item = Record<string, unknown>;

export function listShape(operation: Operation, resource: ResourceSpec | undefined): ListShape | undefined {
  const items = itemsPointer(operation);
  if (!items) return undefined;
  const { total, limit, pages } = pagePointers(operation);
  return {
    itemsPointer: items,
    ...(total ? { total } : {}),
    ...(limit ? { perPage: limit } : {}),
    ...(pages ? { pages } : {}),
    ...(resource?.key ? { keyField: resource.key } : {}),
  };
}

/** The page size of a walk: about a third of the total, so that it takes a few pages; at most 25. */
export function walkSize(total: number): number {
  return Math.min(25, Math.max(1, Math.ceil(total / 3)));
}

/** The schema of the value at a request location (a parameter, or a body property). */
export function schemaOf(operation: Operation, location: RequestLocation): JsonSchema | undefined {
  if (location.in !== 'body') {
    const place = location.in === 'headers' ? 'header' : location.in;
    return operation.parameters.find((p) => p.in === place && p.name === location.path[0])?.schema;
  }
  // An allOf shape (ManageEngine's update request) has its properties in its parts.
  const merged = (schema: Record<string, unknown> | undefined) =>
    schema && (mergeAllOf(schema as Parameters<typeof mergeAllOf>[0]) as Record<string, unknown>);
  let node = merged(jsonMedia(operation)?.schema as Record<string, unknown> | undefined);
  for (const name of location.path) {
    const properties = node?.properties as Record<string, Record<string, unknown>> | undefined;
    node = merged(properties?.[name]);
  }
  return node as JsonSchema | undefined;
}

const normalised = (value: unknown) =>
  String(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/**
 * The value to send for a filter so that the item it was taken from matches: one of a list field's
 * values, the documented spelling of an enum (`in_progress` for `In Progress`), a list for `in`, half of
 * the text for `prefix`. undefined when no item has a usable value or the value would not be valid.
 */
export function filterValue(
  operation: Operation,
  filter: ListFilter,
  items: Item[],
  validators: SchemaCompiler,
): unknown {
  const source = items.find((item) => usable(first(item?.[filter.field])));
  if (!source) return undefined;
  const schema = schemaOf(operation, filter.param) as Record<string, unknown> | undefined;
  const itemSchema = (schema?.type === 'array' ? schema.items : schema) as
    | Record<string, unknown>
    | undefined;
  let value = first(source[filter.field]);
  if (filter.match === 'prefix' && typeof value === 'string')
    value = value.slice(0, Math.ceil(value.length / 2));
  const options = itemSchema?.enum as unknown[] | undefined;
  if (options) value = options.find((option) => normalised(option) === normalised(value));
  if (value === undefined) return undefined;
  if ((itemSchema?.type === 'integer' || itemSchema?.type === 'number') && typeof value === 'string')
    value = Number(value);
  if (itemSchema?.type === 'string' && typeof value === 'number') value = String(value);
  const sent = schema?.type === 'array' ? [value] : value;
  if (schema && validators.compile(schema, 'filter')(sent).length > 0) return undefined;
  return sent;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const usable = (value: unknown) =>
  (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';

/**
 * A window inside the items' times, from the first to the third quarter: an implementation that ignores
 * either end answers items outside it. undefined with fewer than four distinct times.
 */
export function windowAround(
  items: Item[],
  field: string,
  clock: ClockFormat,
): { from: number; to: number } | undefined {
  const times = [
    ...new Set(
      items.map((item) => instantOf(item?.[field], clock)).filter((t): t is number => t !== undefined),
    ),
  ].sort((a, b) => a - b);
  if (times.length < 4) return undefined;
  return { from: times[Math.floor(times.length / 4)], to: times[Math.floor((times.length * 3) / 4) - 1] };
}

/** A window end in the resource's clock format, rounded outwards so the window is not narrowed. */
export function clockValue(ms: number, clock: ClockFormat, end: 'from' | 'to'): unknown {
  switch (clock) {
    case 'epoch-s':
      return end === 'from' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
    case 'epoch-ms':
      return ms;
    case 'iso':
      return new Date(ms).toISOString();
    case 'sql':
      return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  }
}

/**
 * An id shaped like a known one that nothing is stored under: another UUID, a number far past it, the same
 * pattern with nines. undefined when no such value passes the id's schema.
 */
export function unknownKey(
  known: unknown,
  schema: JsonSchema | undefined,
  faker: Faker,
  token: string,
  validators: SchemaCompiler,
): unknown {
  const candidates: unknown[] = [];
  if (typeof known === 'number') candidates.push(known + 7_777_777, 987_654_321);
  if (typeof known === 'string') {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(known)) candidates.push(faker.string.uuid());
    if (/\d+$/.test(known))
      candidates.push(known.replace(/\d+$/, (digits) => '9'.repeat(Math.max(digits.length, 7))));
    candidates.push(`${known}-missing-${token}`);
  }
  if (known === undefined) candidates.push(faker.string.uuid(), 987_654_321, `missing-${token}`);
  return candidates.find(
    (value) => value !== known && (!schema || validators.compile(schema, 'id')(value).length === 0),
  );
}
