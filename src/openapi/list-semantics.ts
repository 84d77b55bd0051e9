import type { ClockFormat, ListFilter } from './model';

/**
 * What a list annotation means, once for both faces: the mock answers lists this way, and the verifier
 * expects an implementation's lists to hold to the same order, filters and time windows.
 */

/** The order of two values under `x-secmock.sort`: numbers by value, anything else as text. */
export function compareForSort(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

/** Text compares without case and separators: `in_progress`, `In Progress` and `IN-PROGRESS` are one value. */
const plain = (value: unknown) =>
  String(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const sameText = (a: unknown, b: unknown) => plain(a) === plain(b);

/** Whether an entity's field value passes a filter sent with `wanted` (nothing sent passes everything). */
export function filterMatches(match: ListFilter['match'], wanted: unknown, actual: unknown): boolean {
  if (wanted === undefined || wanted === '' || (Array.isArray(wanted) && wanted.length === 0)) return true;
  switch (match) {
    case 'prefix':
      return typeof actual === 'string' && actual.startsWith(String(wanted));
    case 'contains':
      return String(actual ?? '')
        .toLowerCase()
        .includes(String(wanted).toLowerCase());
    case 'in':
      return (Array.isArray(wanted) ? wanted : [wanted]).some((w) => sameText(actual, w));
    default:
      return Array.isArray(actual) ? actual.some((a) => sameText(a, wanted)) : sameText(actual, wanted);
  }
}

/**
 * A timestamp as milliseconds since the epoch, read in the resource's clock format: epoch seconds or
 * milliseconds, ISO 8601, or SQL `YYYY-MM-DD HH:MM:SS` (UTC, as the vendors that use it store it).
 * undefined when the value is not a timestamp in that format.
 */
export function instantOf(value: unknown, clock: ClockFormat): number | undefined {
  if (clock === 'epoch-s' || clock === 'epoch-ms') {
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
    return clock === 'epoch-s' ? number * 1000 : number;
  }
  return parseDateText(value);
}

/** ISO 8601 or SQL date-time text as milliseconds; a time without a zone is UTC. */
export function parseDateText(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const iso = value.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}
