import { VOCABULARY } from '../../../src/generate/data/vocabulary';
import { generateFromSchema } from '../../../src/generate/from-schema';
import { numberByName, stringsByName } from '../../../src/generate/heuristics';
import { isPublicIpv4 } from '../../../src/generate/ipv4';
import { countryOfIpv4, placeScope } from '../../../src/generate/places';
import { createFaker } from '../../../src/generate/seed';
import type { JsonSchema } from '../../../src/openapi/model';

const NOW = Date.parse('2025-09-09T18:00:00Z');
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const s = (schema: Record<string, unknown>) => schema as JsonSchema;
const LATIN = /\b(lorem|ipsum|dolor|amet|consectetur|adipisci|vel|quia|voluptas)\b/i;

const ctxFor = (seed: number) => {
  const faker = createFaker(seed);
  return { faker, now: NOW, place: placeScope(faker) };
};
const first = (name: string, seed: number) => stringsByName(name, ctxFor(seed))[0];

describe('values by name', () => {
  it.each([
    ['title', 'titles'],
    ['incident_name', 'titles'],
    ['issueTitle', 'titles'],
    ['webhookName', 'webhookNames'],
    ['description', 'descriptions'],
    ['incident_description', 'descriptions'],
    ['summary', 'descriptions'],
    ['note', 'comments'],
    ['requestor_justification', 'comments'],
    ['errorMessage', 'errors'],
    ['error', 'errors'],
    ['category', 'categories'],
    ['tags', 'tags'],
    ['name', 'names'],
    ['mystery', undefined],
  ] as const)('give a %s a value from the %s vocabulary', (name, list) => {
    for (const seed of SEEDS.slice(0, 5)) {
      const value = first(name, seed);
      // Titles and names carry what tells them apart (a host, an environment) after the vocabulary's words.
      if (list) expect(VOCABULARY[list].filter((words) => value.startsWith(words))).not.toEqual([]);
      else expect(value).toBeUndefined();
    }
  });

  it('never write lorem ipsum, even for a field whose name says nothing', () => {
    const names = ['x', 'payload', 'metadata', 'status', 'type', 'comment', 'details', 'value', 'content'];
    const schema = s({
      type: 'object',
      properties: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
    });
    for (const seed of SEEDS) {
      const faker = createFaker(seed);
      const text = JSON.stringify(generateFromSchema(schema, { faker, now: NOW }));
      expect(text).not.toMatch(LATIN);
      expect(generateFromSchema(true, { faker, now: NOW })).not.toMatch(LATIN);
    }
  });

  it('give addresses that are public and coordinates in range', () => {
    for (const seed of SEEDS) {
      const ctx = ctxFor(seed);
      expect(isPublicIpv4(first('sourceIp', seed))).toBe(true);
      expect(first('LocalIP', seed)).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(first('internal_ip', seed)).toMatch(/^10\./);
      expect(Math.abs(numberByName('latitude', ctx, false) as number)).toBeLessThanOrEqual(90);
      expect(Math.abs(numberByName('lng', ctx, false) as number)).toBeLessThanOrEqual(180);
      expect(Number.isInteger(numberByName('longitude', ctx, true))).toBe(true);
    }
  });

  it('give integer times in epoch seconds and milliseconds near the clock', () => {
    for (const seed of SEEDS) {
      const ctx = ctxFor(seed);
      expect((numberByName('createTime', ctx, true) as number) * 1000).toBeLessThanOrEqual(NOW);
      expect(numberByName('expires_at', ctx, true) as number).toBeGreaterThan(NOW / 1000);
      expect(numberByName('timestampMs', ctx, true) as number).toBeGreaterThan(NOW - 31 * 86_400_000);
      expect(numberByName('score', ctx, true)).toBeUndefined();
    }
  });
});

describe('a generated record', () => {
  const geoip = s({
    type: 'object',
    properties: {
      ip: { type: 'string' },
      country_code: { type: 'string' },
      geo: {
        type: 'object',
        properties: {
          country: { type: 'string' },
          city_name: { type: 'string' },
          latitude: { type: 'string' },
          longitude: { type: 'number' },
          time_zone: { type: 'string' },
        },
      },
    },
  });

  it('has an address, country, city and coordinates that agree', () => {
    for (const seed of SEEDS) {
      const record = generateFromSchema(geoip, { faker: createFaker(seed), now: NOW }) as {
        ip: string;
        country_code: string;
        geo: Record<string, string | number>;
      };
      const country = countryOfIpv4(record.ip);
      expect(country?.code).toBe(record.country_code);
      expect(record.geo).toEqual({
        country: country?.name,
        city_name: country?.city,
        latitude: String(country?.latitude),
        longitude: country?.longitude,
        time_zone: country?.timeZone,
      });
    }
  });

  it('gives each item of a list its own place', () => {
    const list = s({ type: 'array', minItems: 10, maxItems: 10, items: geoip });
    const records = generateFromSchema(list, { faker: createFaker(1), now: NOW }) as Array<{ ip: string }>;
    expect(new Set(records.map((r) => r.ip)).size).toBe(10);
    expect(new Set(records.map((r) => countryOfIpv4(r.ip)?.code)).size).toBeGreaterThan(1);
  });

  it('keeps the bounds a schema declares over the coordinate a name suggests', () => {
    const bounded = s({ type: 'number', minimum: 0, maximum: 1 });
    for (const seed of SEEDS) {
      const value = generateFromSchema(bounded, { faker: createFaker(seed), now: NOW }, 'latitude') as number;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
