import { entityPointer, instantOf, itemsPointer, resolvePointer, type ClockFormat } from '../../openapi';
import type { Check, Failure } from '../types';
import { show, succeeded } from './answer';

/** 2000-01-01 .. 2100-01-01: a timestamp outside is in the wrong unit (ms for s) or not a time at all. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const UNIT: Record<ClockFormat, string> = {
  'epoch-s': 'epoch seconds',
  'epoch-ms': 'epoch milliseconds',
  iso: 'an ISO 8601 date-time',
  sql: 'a YYYY-MM-DD HH:MM:SS date-time',
};

/**
 * The timestamps of the resource's entities (`created`, `updated`, and its `times`) are plausible in the
 * resource's declared clock: epoch seconds between 2000 and 2100, not milliseconds; dates that parse.
 * 0 is left alone: the vendors use it for "never".
 */
export const timestampPlausible: Check = {
  id: 'timestamp_plausible',
  title: 'Timestamp implausible for its unit',
  severity: 'minor',
  run({ testCase, response }) {
    const { operation, spec } = testCase;
    const resource = spec.resources.find((r) => r.name === operation.mock.resource);
    const fields = resource ? [resource.created, resource.updated, ...resource.times] : [];
    const named = fields.filter((f): f is string => f !== undefined);
    if (!resource || named.length === 0 || !succeeded(response)) return undefined;
    const entities = entitiesIn(response.body, operation);
    if (entities.length === 0) return undefined;
    const failures: Failure[] = [];
    for (const { entity, at } of entities) {
      for (const field of named) {
        const value = entity[field];
        if (value === undefined || value === null || value === 0 || value === '') continue;
        const instant = instantOf(value, resource.clock);
        if (instant !== undefined && instant >= EARLIEST && instant < LATEST) continue;
        failures.push({
          path: `${at}.${field}`,
          expected: `${UNIT[resource.clock]} between 2000 and 2100`,
          actual: show(value),
        });
      }
    }
    return failures.slice(0, 5);
  },
};

type Located = { entity: Record<string, unknown>; at: string };

/** The entities an answer carries where the contract puts them: one entity, or a list's items. */
function entitiesIn(body: unknown, operation: Parameters<typeof entityPointer>[0]): Located[] {
  const isEntity = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const one = entityPointer(operation);
  if (one) {
    const entity = resolvePointer(body, one);
    return isEntity(entity) ? [{ entity, at: ['body', ...one].join('.') }] : [];
  }
  const many = itemsPointer(operation);
  const items = many ? resolvePointer(body, many) : undefined;
  if (!many || !Array.isArray(items)) return [];
  return items.flatMap((item, i) =>
    isEntity(item) ? [{ entity: item, at: `${['body', ...many].join('.')}[${i}]` }] : [],
  );
}
