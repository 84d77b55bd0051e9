import type { Faker } from '@faker-js/faker';

/**
 * Generated times: a real instant near the mock clock, rendered in the layout the schema declares (a
 * `format`, or a `pattern` that spells a date), so that a date is always a real calendar date and time.
 */
const DAY = 86_400_000;

/** Fields that name a time to come; every other time is in the 30 days before the clock. */
const FUTURE = /due|expir|deadline|until|valid_?to|not_?after|^next|Next|renew/i;

/** Names of fields that hold a time, whatever their type. */
export const TIME_NAME = /(^|_)(time|date|datetime|ts|timestamp|at)$|[a-z0-9](Time|Date|Ts|TS|Timestamp|At)$/;

/** An instant for the field: before the clock, or after it when the field means a time to come. */
export function instantFor(name: string, faker: Faker, now: number): number {
  return FUTURE.test(name)
    ? now + faker.number.int({ min: 3_600_000, max: 30 * DAY })
    : now - faker.number.int({ min: 0, max: 30 * DAY });
}

interface Parts {
  Y: string;
  M: string;
  D: string;
  h: string;
  m: string;
  s: string;
  ms: string;
}

function partsOf(ms: number): Parts {
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ, UTC
  return {
    Y: iso.slice(0, 4),
    M: iso.slice(5, 7),
    D: iso.slice(8, 10),
    h: iso.slice(11, 13),
    m: iso.slice(14, 16),
    s: iso.slice(17, 19),
    ms: iso.slice(20, 23),
  };
}

type Layout = (p: Parts) => string;

const isoDateTime: Layout = (p) => `${p.Y}-${p.M}-${p.D}T${p.h}:${p.m}:${p.s}Z`;
const isoDate: Layout = (p) => `${p.Y}-${p.M}-${p.D}`;
const sqlDateTime: Layout = (p) => `${p.Y}-${p.M}-${p.D} ${p.h}:${p.m}:${p.s}`;
const isoTime: Layout = (p) => `${p.h}:${p.m}:${p.s}Z`;

const BY_FORMAT: Record<string, Layout> = {
  'date-time': isoDateTime,
  'iso-date-time': isoDateTime,
  date: isoDate,
  time: isoTime,
  'iso-time': isoTime,
  'sql-date-time': sqlDateTime,
};

/** The instant in the layout of a date or time format, or undefined for a format that is not one. */
export function renderInFormat(ms: number, format: string): string | undefined {
  const layout = BY_FORMAT[format];
  return layout ? layout(partsOf(ms)) : undefined;
}

/** Layouts with separators: a pattern they match spells a date or a time. */
const SEPARATED: Layout[] = [
  sqlDateTime,
  isoDateTime,
  (p) => `${p.Y}-${p.M}-${p.D}T${p.h}:${p.m}:${p.s}.${p.ms}Z`,
  (p) => `${p.Y}-${p.M}-${p.D}T${p.h}:${p.m}:${p.s}+00:00`,
  (p) => `${p.Y}-${p.M}-${p.D}T${p.h}:${p.m}:${p.s}`,
  isoDate,
  (p) => `${p.Y}/${p.M}/${p.D} ${p.h}:${p.m}:${p.s}`,
  (p) => `${p.Y}/${p.M}/${p.D}`,
  (p) => `${p.D}/${p.M}/${p.Y}`,
  (p) => `${p.M}/${p.D}/${p.Y}`,
  (p) => `${p.D}-${p.M}-${p.Y}`,
  (p) => `${p.D}.${p.M}.${p.Y}`,
  (p) => `${p.Y}-${p.M}`,
  (p) => `${p.h}:${p.m}:${p.s}`,
  (p) => `${p.h}:${p.m}`,
];

/** Digits only: any digit pattern matches them, so they are tried only for a field named as a time. */
const COMPACT: Array<(p: Parts, ms: number) => string> = [
  (_, ms) => String(Math.floor(ms / 1000)),
  (_, ms) => String(ms),
  (p) => `${p.Y}${p.M}${p.D}`,
  (p) => `${p.Y}${p.M}${p.D}${p.h}${p.m}${p.s}`,
];

/**
 * The instant rendered in the first layout the pattern accepts, or undefined when the pattern does not
 * describe a date or time (then the pattern alone makes the value).
 */
export function renderForPattern(ms: number, pattern: RegExp, timeNamed: boolean): string | undefined {
  const parts = partsOf(ms);
  const rendered = [
    ...SEPARATED.map((layout) => layout(parts)),
    ...(timeNamed ? COMPACT.map((layout) => layout(parts, ms)) : []),
  ];
  return rendered.find((text) => pattern.test(text));
}
