import type { Faker } from '@faker-js/faker';

/**
 * Realistic values for plain strings and integers, chosen by the field's name. Only used where the schema
 * says nothing more precise (no enum, format or pattern), so a heuristic can never make a value invalid.
 */
export interface FieldContext {
  faker: Faker;
  /** The mock clock, in ms: generated times fall before it. */
  now: number;
}

type StringRule = [RegExp, (ctx: FieldContext) => string];
type IntegerRule = [RegExp, (ctx: FieldContext) => number];

const DAY = 86_400_000;
const pastMs = ({ faker, now }: FieldContext, days = 30) =>
  now - faker.number.int({ min: 0, max: days * DAY });
const projectKeys = ['SCRUM', 'SEC', 'API', 'OPS', 'KAN'];

const STRING_RULES: StringRule[] = [
  [/email/, ({ faker }) => faker.internet.email().toLowerCase()],
  [/(uuid|guid)$|^id$|_id$|Id$/, ({ faker }) => faker.string.uuid()],
  [/^(ip|actor|actorip|sourceip|clientip|remoteip)$|_ip$|Ip$/, ({ faker }) => faker.internet.ipv4()],
  [/country/, ({ faker }) => faker.location.countryCode('alpha-2')],
  [
    /ticketkey$|issuekey$/i,
    ({ faker }) => `${faker.helpers.arrayElement(projectKeys)}-${faker.number.int({ min: 1, max: 999 })}`,
  ],
  [/url$|uri$|link$/i, ({ faker }) => faker.internet.url({ appendSlash: false })],
  [/host(name)?$|domain$/i, ({ faker }) => faker.internet.domainName()],
  [/displayname$|fullname$|ownername$|display_name$/i, ({ faker }) => faker.person.fullName()],
  [/user(name)?$|added_?by$|created_?by$|author$/i, ({ faker }) => faker.internet.username().toLowerCase()],
  [/account(_?name)?$/i, () => 'example'],
  [/method$/i, ({ faker }) => faker.helpers.arrayElement(['GET', 'POST', 'PUT', 'DELETE'])],
  [/(api|endpoint|path)$/i, ({ faker }) => `/api/v1/${faker.word.noun()}s`],
  [
    /(description|message|detail|details|note|summary|comment|justification)$/i,
    ({ faker }) => faker.lorem.sentence(),
  ],
  [/(token|secret|password|apikey|api_key|key)$/i, ({ faker }) => faker.string.alphanumeric(32)],
  [/(time|date|_at|At|Ts)$/, (ctx) => new Date(pastMs(ctx)).toISOString().replace(/\.\d{3}Z$/, 'Z')],
  [/location|city/i, ({ faker }) => faker.location.city()],
  [/version$/i, ({ faker }) => faker.system.semver()],
  [/tag$|tags$|label$/i, ({ faker }) => faker.word.adjective()],
  [/name$|title$/i, ({ faker }) => `${faker.hacker.adjective()} ${faker.hacker.noun()}`],
  [/protocol$/i, ({ faker }) => faker.helpers.arrayElement(['https', 'http', 'tcp'])],
  [/region$/i, ({ faker }) => faker.helpers.arrayElement(['us-east-1', 'eu-west-1', 'ap-south-1'])],
];

const INTEGER_RULES: IntegerRule[] = [
  [/(time|Ts|timestamp|_at|At)$/i, (ctx) => Math.floor(pastMs(ctx) / 1000)],
  [/port$/i, ({ faker }) => faker.helpers.arrayElement([443, 8443, 22, 3389, 5432, 8080])],
  [/(sec|seconds)$/i, ({ faker }) => faker.helpers.arrayElement([300, 900, 3600, 86400])],
  [/(count|total|size|number)$/i, ({ faker }) => faker.number.int({ min: 0, max: 500 })],
];

/** A realistic string for the field, or undefined when its name gives no hint. */
export function stringByName(name: string, ctx: FieldContext): string | undefined {
  const rule = STRING_RULES.find(([pattern]) => pattern.test(name));
  return rule?.[1](ctx);
}

export function integerByName(name: string, ctx: FieldContext): number | undefined {
  const rule = INTEGER_RULES.find(([pattern]) => pattern.test(name));
  return rule?.[1](ctx);
}
