import { COUNTRIES } from '../../../src/generate/data/countries';
import { inCidr, isPublicIpv4, parseCidr, SPECIAL_USE } from '../../../src/generate/ipv4';
import {
  countryByCode,
  countryOfIpv4,
  geohash,
  pickPlace,
  placeScope,
  publicIpv4,
} from '../../../src/generate/places';
import { createFaker } from '../../../src/generate/seed';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const blocks = COUNTRIES.flatMap((c) =>
  c.ranges.map((range) => ({ code: c.code, range, ...parseCidr(range) })),
);

describe('the country table', () => {
  it('has unique codes, coordinates in range and at least one range per country', () => {
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    for (const country of COUNTRIES) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(country.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(country.longitude)).toBeLessThanOrEqual(180);
      expect(country.ranges.length).toBeGreaterThan(0);
    }
  });

  it('has no range that overlaps another or a special-use block', () => {
    const overlaps = (a: { start: number; size: number }, b: { start: number; size: number }) =>
      a.start < b.start + b.size && b.start < a.start + a.size;
    const clashes = blocks.flatMap((a, i) => [
      ...blocks
        .slice(i + 1)
        .filter((b) => overlaps(a, b))
        .map((b) => `${a.range} ~ ${b.range}`),
      ...SPECIAL_USE.filter((s) => overlaps(a, s)).map(() => `${a.range} is special-use`),
    ]);
    expect(clashes).toEqual([]);
  });

  it.each([
    ['20.65.193.78', 'US'],
    ['35.191.238.163', 'US'],
    ['51.159.103.236', 'FR'],
    ['42.232.235.138', 'CN'],
    ['91.40.12.10', 'DE'],
  ])('places the address %s in %s (the documents and fixtures name these)', (ip, code) => {
    expect(countryOfIpv4(ip)?.code).toBe(code);
  });

  it('knows no country for an address outside its ranges', () => {
    expect(countryOfIpv4('192.168.1.1')).toBeUndefined();
    expect(countryOfIpv4('not an address')).toBeUndefined();
    expect(countryByCode('fr')?.name).toBe('France');
    expect(countryByCode('XX')).toBeUndefined();
  });
});

describe('places', () => {
  it('draws a public address of the country asked for, and of the table otherwise', () => {
    for (const seed of SEEDS) {
      const faker = createFaker(seed);
      for (const country of COUNTRIES) {
        const ip = publicIpv4(faker, country.code);
        expect(isPublicIpv4(ip)).toBe(true);
        expect(countryOfIpv4(ip)?.code).toBe(country.code);
      }
      expect(countryOfIpv4(publicIpv4(faker))).toBeDefined();
    }
  });

  it('gives a place whose address is in its country, the same for the same seed', () => {
    const places = SEEDS.map((seed) => pickPlace(createFaker(seed)));
    for (const place of places) expect(countryOfIpv4(place.ip)).toBe(place.country);
    expect(SEEDS.map((seed) => pickPlace(createFaker(seed)))).toEqual(places);
    expect(new Set(places.map((p) => p.country.code)).size).toBeGreaterThan(5);
  });

  it('draws a scope’s place once, when first asked', () => {
    const faker = createFaker(3);
    const scope = placeScope(faker);
    const first = scope();
    expect(scope()).toBe(first);
    expect(placeScope(faker)()).not.toBe(first);
  });

  it('computes geohashes', () => {
    // The example of the geohash's own description (Jutland, Denmark).
    expect(geohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(geohash(48.8566, 2.3522, 5)).toBe('u09tv');
    for (const c of COUNTRIES) expect(geohash(c.latitude, c.longitude)).toMatch(/^[0-9b-hjkmnp-z]{7}$/);
  });

  it('covers each range when drawing many addresses of a country', () => {
    const faker = createFaker(11);
    const us = COUNTRIES.find((c) => c.code === 'US');
    const hit = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const n = publicIpv4(faker, 'US')
        .split('.')
        .reduce((a, o) => a * 256 + Number(o), 0);
      for (const range of us?.ranges ?? []) if (inCidr(n, parseCidr(range))) hit.add(range);
    }
    expect([...hit].sort()).toEqual([...(us?.ranges ?? [])].sort());
  });
});
