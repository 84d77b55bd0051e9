import type { Format } from 'ajv';

/**
 * Formats the specs use beyond ajv-formats. Each one checks what a typed client or the vendor would refuse,
 * where a pattern alone only checks the digits.
 */
export const EXTRA_FORMATS: Record<string, Format> = {
  // ajv-formats takes any integer as an int64 (1e300 included), which a typed int64 client cannot read.
  // Literals past 2^53 are read by their digits first (validate/exact-numbers), so the edge holds.
  int64: { type: 'number', validate: isInt64 },
  // `YYYY-MM-DD HH:MM:SS`, a real calendar date and time of day (ManageEngine's SQL-style date-times).
  // Equal widths make text order the time order, which `formatMinimum` uses.
  'sql-date-time': { type: 'string', validate: isSqlDateTime, compare: compareText },
};

const INT64_LIMIT = 2 ** 63;

function isInt64(value: number): boolean {
  return Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT;
}

const SQL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function isSqlDateTime(text: string): boolean {
  const parts = SQL_DATE_TIME.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no daylight-saving gaps).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
