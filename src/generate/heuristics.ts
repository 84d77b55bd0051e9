import { instantFor, TIME_NAME } from './dates';
import { coordinateByName, GEO_RULES, type GeoContext, type StringRule } from './geo-rules';
import { TEXT_RULES } from './text-rules';

/**
 * Realistic values for plain strings and numbers, chosen by the field's name. A value by name is only
 * taken where the schema accepts it (from-schema checks pattern, lengths and bounds), so a heuristic can
 * never make a value invalid.
 */
export interface FieldContext extends GeoContext {
  /** The mock clock, in ms: generated times fall before it (after it for due dates and expiries). */
  now: number;
}

type NumberRule = [RegExp, (ctx: FieldContext, name: string) => number];

const projectKeys = ['SCRUM', 'SEC', 'API', 'OPS', 'KAN'];
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Identity and network fields; the geographic and text rules follow them (see STRING_RULES). */
const IDENTITY_RULES: StringRule[] = [
  [/host(name|str)?$|domains?$/i, ({ faker }) => faker.internet.domainName()],
  [/email/i, ({ faker }) => faker.internet.email().toLowerCase()],
  [/(uuid|guid)$|^id$|_id$|Id$/, ({ faker }) => faker.string.uuid()],
  [
    /ticketkey$|issuekey$/i,
    ({ faker }) => `${faker.helpers.arrayElement(projectKeys)}-${faker.number.int({ min: 1, max: 999 })}`,
  ],
  [/url$|uri$|link$/i, ({ faker }) => faker.internet.url({ appendSlash: false })],
  [/file_?name$|FileName$/, ({ faker }) => faker.system.fileName()],
  [/displayname$|fullname$|ownername$|display_name$/i, ({ faker }) => faker.person.fullName()],
  [/user(name)?$|added_?by$|created_?by$|author$/i, ({ faker }) => faker.internet.username().toLowerCase()],
  [/account(_?name)?$/i, () => 'example'],
  [/method$/i, ({ faker }) => faker.helpers.arrayElement(['GET', 'POST', 'PUT', 'DELETE'])],
  [/(api|endpoint|path)(str)?$/i, ({ faker }) => `/api/v1/${faker.word.noun()}s`],
  [/(token|secret|password|apikey|api_key|key|credentials?)$/i, ({ faker }) => faker.string.alphanumeric(32)],
  // A webhook's headers, often a secret: a real header line, never a word another field could contain.
  [
    /^headers?(_?string|String)?$|[a-z]Headers?(String)?$/,
    ({ faker }) => JSON.stringify({ Authorization: `Bearer ${faker.string.alphanumeric(32)}` }),
  ],
  [TIME_NAME, ({ faker, now }, name) => isoSeconds(instantFor(name, faker, now))],
];

const LATE_RULES: StringRule[] = [
  [/version$/i, ({ faker }) => faker.system.semver()],
  [/protocol$/i, ({ faker }) => faker.helpers.arrayElement(['https', 'http', 'tcp'])],
  [/region$/i, ({ faker }) => faker.helpers.arrayElement(['us-east-1', 'eu-west-1', 'ap-south-1'])],
];

const STRING_RULES: StringRule[] = [...GEO_RULES, ...IDENTITY_RULES, ...LATE_RULES, ...TEXT_RULES];

const INTEGER_RULES: NumberRule[] = [
  [TIME_NAME, (ctx, name) => Math.floor(instantFor(name, ctx.faker, ctx.now) / 1000)],
  [/(Ms|_ms|Millis|_millis)$/, (ctx, name) => instantFor(name, ctx.faker, ctx.now)],
  [/port$/i, ({ faker }) => faker.helpers.arrayElement([443, 8443, 22, 3389, 5432, 8080])],
  [/(sec|seconds)$/i, ({ faker }) => faker.helpers.arrayElement([300, 900, 3600, 86400])],
  [/(count|total|size|number)$/i, ({ faker }) => faker.number.int({ min: 0, max: 500 })],
];

/** Realistic strings for the field, best first, or an empty list when its name gives no hint. */
export function stringsByName(name: string, ctx: FieldContext): string[] {
  const rule = STRING_RULES.find(([pattern]) => pattern.test(name));
  if (!rule) return [];
  const value = rule[1](ctx, name);
  return Array.isArray(value) ? value : [value];
}

/** A realistic number for the field (coordinates, times, ports, counts), or undefined. */
export function numberByName(name: string, ctx: FieldContext, integer: boolean): number | undefined {
  const coordinate = coordinateByName(name, ctx);
  if (coordinate !== undefined) return integer ? Math.round(coordinate) : coordinate;
  if (!integer) return undefined;
  const rule = INTEGER_RULES.find(([pattern]) => pattern.test(name));
  return rule?.[1](ctx, name);
}
