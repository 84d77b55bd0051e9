import { generateFromSchema } from '../../../src/generate/from-schema';
import { createFaker } from '../../../src/generate/seed';
import type { JsonSchema } from '../../../src/openapi/model';
import { SchemaCompiler } from '../../../src/schema/compile';

const NOW = Date.parse('2025-09-09T18:00:00Z');
const DAY = 86_400_000;
const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);
/** Names times constraints is a large table: fewer seeds each. */
const FEW_SEEDS = SEEDS.slice(0, 8);
const compiler = new SchemaCompiler();
const faker = createFaker(0);

/** The value generated for the schema with a faker reseeded to `seed`. */
function generate(
  schema: JsonSchema | boolean | undefined,
  seed: number,
  name = '',
  maxDepth?: number,
): unknown {
  faker.seed(seed);
  return generateFromSchema(schema, { faker, now: NOW, maxDepth }, name);
}

/** Every seed's value with the violations found, empty when all are valid. */
function invalidValues(
  schema: JsonSchema,
  name = '',
  seeds = SEEDS,
): Array<{ seed: number; value: unknown; violations: string[] }> {
  const validate = compiler.compile(schema, '$');
  return seeds.flatMap((seed) => {
    const value = generate(schema, seed, name);
    const violations = validate(value).map((v) => `${v.path}: ${v.message}`);
    return violations.length > 0 ? [{ seed, value, violations }] : [];
  });
}

const s = (schema: Record<string, unknown>) => schema as JsonSchema;

const SCHEMAS: Array<[string, JsonSchema]> = [
  ['an enum of strings', s({ type: 'string', enum: ['low', 'medium', 'high'] })],
  ['an enum of mixed values', s({ enum: [1, 'two', null, { three: 3 }] })],
  ['an integer enum', s({ type: 'integer', enum: [0, 1, 2] })],
  ['a const object', s({ const: { kind: 'fixed', n: [1, 2] } })],
  ['a const inside an object', s({ type: 'object', required: ['v'], properties: { v: { const: 2 } } })],
  ['a date-time', s({ type: 'string', format: 'date-time' })],
  ['a date', s({ type: 'string', format: 'date' })],
  [
    'a SQL date-time with its digit pattern',
    s({
      type: 'string',
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$',
      format: 'sql-date-time',
    }),
  ],
  ['a date spelt by a pattern alone', s({ type: 'string', pattern: '^\\d{4}/\\d{2}/\\d{2}$' })],
  ['a pattern without a type', s({ pattern: '^[0-9]+$' })],
  ['a uuid', s({ type: 'string', format: 'uuid' })],
  ['an email', s({ type: 'string', format: 'email' })],
  ['a uri', s({ type: 'string', format: 'uri' })],
  ['a url', s({ type: 'string', format: 'url' })],
  ['a uri-reference', s({ type: 'string', format: 'uri-reference' })],
  ['a hostname', s({ type: 'string', format: 'hostname' })],
  ['an ipv4', s({ type: 'string', format: 'ipv4' })],
  ['an ipv6', s({ type: 'string', format: 'ipv6' })],
  ['a byte string', s({ type: 'string', format: 'byte' })],
  ['an int64', s({ type: 'integer', format: 'int64' })],
  ['a pattern', s({ type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' })],
  ['a hex pattern', s({ type: 'string', pattern: '^[a-f0-9]{24}$' })],
  ['a pattern with a length range', s({ type: 'string', pattern: '^[A-Za-z0-9_-]{8,16}$' })],
  ['an unanchored pattern', s({ type: 'string', pattern: '[a-z]+' })],
  [
    'a pattern faker cannot follow, with an example',
    s({ type: 'string', pattern: '^INC\\d{7}$', example: 'INC0012345' }),
  ],
  [
    'a pattern faker cannot follow, with examples',
    s({ type: 'string', pattern: '^(low|high)$', examples: ['x', 'high'] }),
  ],
  ['a short string', s({ type: 'string', maxLength: 3 })],
  ['a long string', s({ type: 'string', minLength: 50 })],
  ['a string between lengths', s({ type: 'string', minLength: 10, maxLength: 12 })],
  ['an integer range', s({ type: 'integer', minimum: -5, maximum: 5 })],
  ['an integer with exclusive bounds', s({ type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 13 })],
  ['a large minimum', s({ type: 'integer', minimum: 1_000_000 })],
  ['a number range', s({ type: 'number', minimum: 0.5, maximum: 0.75 })],
  ['a number with exclusive bounds', s({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 })],
  ['a boolean', s({ type: 'boolean' })],
  ['null', s({ type: 'null' })],
  ['an array with minItems', s({ type: 'array', minItems: 5, items: { type: 'integer' } })],
  ['an array with maxItems', s({ type: 'array', maxItems: 1, items: { type: 'string' } })],
  [
    'an array of exactly two',
    s({ type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', format: 'ipv4' } }),
  ],
  ['an empty array only', s({ type: 'array', maxItems: 0, items: { type: 'string' } })],
  [
    'unique items',
    s({ type: 'array', uniqueItems: true, minItems: 2, items: { type: 'string', format: 'uuid' } }),
  ],
  ['an array without items', s({ type: 'array', minItems: 1 })],
  [
    'an array of objects',
    s({
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
    }),
  ],
  [
    'allOf',
    s({
      allOf: [
        { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        { required: ['score'], properties: { score: { type: 'integer', minimum: 1, maximum: 3 } } },
      ],
    }),
  ],
  [
    'nested allOf',
    s({
      allOf: [
        { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }] },
        { required: ['b'], properties: { b: { enum: ['x'] } } },
      ],
    }),
  ],
  ['oneOf of disjoint types', s({ oneOf: [{ type: 'string', format: 'email' }, { type: 'integer' }] })],
  [
    'oneOf of objects told apart by a const',
    s({
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'url'],
          properties: { kind: { const: 'web' }, url: { type: 'string', format: 'uri' } },
        },
        {
          type: 'object',
          required: ['kind', 'ip'],
          properties: { kind: { const: 'host' }, ip: { type: 'string', format: 'ipv4' } },
        },
      ],
    }),
  ],
  ['anyOf', s({ anyOf: [{ type: 'string', maxLength: 4 }, { type: 'integer' }] })],
  ['a nullable string', s({ type: ['string', 'null'], minLength: 2 })],
  ['a nullable integer', s({ type: ['null', 'integer'], minimum: 3, maximum: 4 })],
  ['anyOf null or a uuid', s({ anyOf: [{ type: 'null' }, { type: 'string', format: 'uuid' }] })],
  [
    'oneOf null or an object',
    s({
      oneOf: [{ type: 'null' }, { type: 'object', required: ['x'], properties: { x: { type: 'number' } } }],
    }),
  ],
  [
    'nested objects',
    s({
      type: 'object',
      additionalProperties: false,
      required: ['user', 'tags'],
      properties: {
        user: {
          type: 'object',
          additionalProperties: false,
          required: ['email', 'address'],
          properties: {
            email: { type: 'string', format: 'email' },
            address: {
              type: 'object',
              required: ['country'],
              properties: {
                country: { type: 'string', pattern: '^[A-Z]{2}$' },
                zip: { type: 'string', maxLength: 5 },
              },
            },
          },
        },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, maxItems: 3 },
        created_at: { type: 'string', format: 'date-time' },
      },
    }),
  ],
  ['a map', s({ type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 9 } })],
  [
    'a map whose keys are an enum',
    s({ type: 'object', propertyNames: { enum: ['LOW', 'HIGH'] }, additionalProperties: { type: 'string' } }),
  ],
  [
    'a map whose keys follow a pattern',
    s({
      type: 'object',
      propertyNames: { pattern: '^[A-Z][A-Z0-9_]+$' },
      additionalProperties: { type: 'integer' },
    }),
  ],
  [
    'a map with one allowed key',
    s({
      type: 'object',
      propertyNames: { const: 'only' },
      minProperties: 1,
      additionalProperties: { type: 'boolean' },
    }),
  ],
  ['an object without a type', s({ properties: { a: { type: 'string' } }, required: ['a'] })],
  ['any value', s({})],
];

describe('generateFromSchema', () => {
  it.each(SCHEMAS)('every value for %s validates', (_, schema) => {
    expect(invalidValues(schema)).toEqual([]);
  });

  it.each([
    ['an enum', s({ enum: ['a', 'b', 'c', 'd'] })],
    ['a uuid', s({ type: 'string', format: 'uuid' })],
    ['an integer range', s({ type: 'integer', minimum: 0, maximum: 1_000_000 })],
    ['nested objects', SCHEMAS.find(([name]) => name === 'nested objects')?.[1] as JsonSchema],
  ])('the same seed gives the same %s, another seed (usually) another', (_, schema) => {
    const values = SEEDS.map((seed) => JSON.stringify(generate(schema, seed)));
    expect(SEEDS.map((seed) => JSON.stringify(generate(schema, seed)))).toEqual(values);
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it('gives the const and the only enum value as they are', () => {
    expect(generate(s({ const: { a: [1] } }), 1)).toEqual({ a: [1] });
    expect(generate(s({ type: 'string', enum: ['only'] }), 1)).toBe('only');
  });

  it('answers nothing for the false schema and something for the true one', () => {
    expect(generate(false, 1)).toBeUndefined();
    expect(generate(true, 1)).toEqual(expect.any(String));
    expect(generate(undefined, 1)).toEqual(expect.any(String));
  });

  it('picks the first alternative that is not null', () => {
    for (const seed of SEEDS.slice(0, 5)) {
      expect(generate(s({ oneOf: [{ type: 'null' }, { type: 'integer' }] }), seed)).toEqual(
        expect.any(Number),
      );
      expect(generate(s({ type: ['null', 'boolean'] }), seed)).toEqual(expect.any(Boolean));
    }
  });

  it('fills optional properties too, until maxDepth, below which only required ones', () => {
    const schema = s({
      type: 'object',
      properties: {
        optional: { type: 'string' },
        child: {
          type: 'object',
          required: ['needed'],
          properties: { needed: { type: 'integer' }, extra: { type: 'string' } },
        },
      },
    });
    expect(Object.keys(generate(schema, 1) as object).sort()).toEqual(['child', 'optional']);
    const shallow = generate(schema, 1, '', 1) as { child: object };
    expect(Object.keys(shallow.child)).toEqual(['needed']);
  });

  it('generates times within the 30 days before now', () => {
    for (const seed of SEEDS) {
      const at = Date.parse(generate(s({ type: 'string', format: 'date-time' }), seed) as string);
      expect(at).toBeLessThanOrEqual(NOW);
      expect(at).toBeGreaterThanOrEqual(NOW - 30 * DAY);
    }
  });
});

describe('name heuristics', () => {
  const STRING_NAMES = [
    'email',
    'user_id',
    'uuid',
    'id',
    'sourceIp',
    'country',
    'ticketKey',
    'callbackUrl',
    'hostname',
    'domain',
    'displayName',
    'username',
    'created_by',
    'account',
    'method',
    'endpoint',
    'description',
    'apiToken',
    'password',
    'created_at',
    'updatedAt',
    'location',
    'version',
    'tags',
    'label',
    'name',
    'title',
    'protocol',
    'region',
    'latitude',
    'longitude',
    'country_code',
    'city',
    'geohash',
    'time_zone',
    'incident_name',
    'webhookName',
    'errorMessage',
    'note',
  ];
  const INTEGER_NAMES = [
    'created_at',
    'timestamp',
    'startTs',
    'port',
    'timeoutSec',
    'seconds',
    'count',
    'total',
    'size',
    'number',
    'createTime',
    'discoveredAt',
    'timestampMs',
    'latitude',
  ];

  const STRING_CONSTRAINTS: Array<[string, JsonSchema]> = [
    ['a maxLength', s({ type: 'string', maxLength: 4 })],
    ['a minLength', s({ type: 'string', minLength: 60 })],
    ['an enum', s({ type: 'string', enum: ['one', 'two'] })],
    ['a format', s({ type: 'string', format: 'uuid' })],
    ['another format', s({ type: 'string', format: 'ipv6' })],
    ['a pattern', s({ type: 'string', pattern: '^[0-9]{3}$' })],
    ['a const', s({ type: 'string', const: 'fixed' })],
  ];
  const INTEGER_CONSTRAINTS: Array<[string, JsonSchema]> = [
    ['a small range', s({ type: 'integer', minimum: 1, maximum: 10 })],
    ['a large minimum', s({ type: 'integer', minimum: 5_000_000_000 })],
    ['a low maximum', s({ type: 'integer', maximum: 50 })],
    ['exclusive bounds', s({ type: 'integer', exclusiveMinimum: 442, exclusiveMaximum: 444 })],
    ['an int32 range', s({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })],
  ];

  it.each(STRING_CONSTRAINTS)('never break %s on a string', (_, schema) => {
    const broken = STRING_NAMES.flatMap((name) =>
      invalidValues(schema, name, FEW_SEEDS).map((v) => ({ name, ...v })),
    );
    expect(broken).toEqual([]);
  });

  it.each(INTEGER_CONSTRAINTS)('never break %s on an integer', (_, schema) => {
    const broken = INTEGER_NAMES.flatMap((name) =>
      invalidValues(schema, name, FEW_SEEDS).map((v) => ({ name, ...v })),
    );
    expect(broken).toEqual([]);
  });

  it.each([
    ['email', 'email'],
    ['user_id', 'uuid'],
    ['sourceIp', 'ipv4'],
    ['webhookUrl', 'uri'],
    ['hostname', 'hostname'],
    ['created_at', 'date-time'],
  ])('give a plain string named %s the shape of a %s', (name, format) => {
    const validate = compiler.compile({ type: 'string', format }, '$');
    for (const seed of SEEDS.slice(0, 10))
      expect(validate(generate(s({ type: 'string' }), seed, name))).toEqual([]);
  });

  it('give an integer time in epoch seconds before now, and a port a real port, where the range allows', () => {
    const wide = s({ type: 'integer', minimum: 0, maximum: 10_000_000_000 });
    for (const seed of SEEDS.slice(0, 10)) {
      const seconds = generate(wide, seed, 'created_at') as number;
      expect(seconds).toBeLessThanOrEqual(NOW / 1000);
      expect(seconds).toBeGreaterThanOrEqual((NOW - 30 * DAY) / 1000);
      expect([22, 443, 3389, 5432, 8080, 8443]).toContain(generate(wide, seed, 'port'));
    }
  });

  it('name array items after their array: `ips` holds addresses', () => {
    const validate = compiler.compile({ type: 'array', items: { type: 'string', format: 'ipv4' } }, '$');
    for (const seed of SEEDS.slice(0, 10))
      expect(validate(generate(s({ type: 'array', items: { type: 'string' } }), seed, 'ips'))).toEqual([]);
  });
});
