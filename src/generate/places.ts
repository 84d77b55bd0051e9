import type { Faker } from '@faker-js/faker';
import { COUNTRIES, type CountryRecord } from './data/countries';
import { addressIn, inCidr, parseCidr, parseIpv4, type Cidr } from './ipv4';

/**
 * A place on the internet: a country of the table with one public address of its networks. Every field
 * generated from one place (ip, country, city, coordinates, time zone) agrees with the others.
 */
export interface Place {
  country: CountryRecord;
  ip: string;
}

const BLOCKS: ReadonlyArray<{ country: CountryRecord; cidr: Cidr }> = COUNTRIES.flatMap((country) =>
  country.ranges.map((range) => ({ country, cidr: parseCidr(range) })),
);
const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryByCode(code: string): CountryRecord | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** The table's country whose networks hold the address; undefined outside every range of the table. */
export function countryOfIpv4(ip: string): CountryRecord | undefined {
  const n = parseIpv4(ip);
  return n === undefined ? undefined : BLOCKS.find((b) => inCidr(n, b.cidr))?.country;
}

/** A public address of the country's networks (of any country of the table without one). */
export function publicIpv4(faker: Faker, code?: string): string {
  const country = (code ? countryByCode(code) : undefined) ?? faker.helpers.arrayElement(COUNTRIES);
  const cidr = parseCidr(faker.helpers.arrayElement(country.ranges));
  return addressIn(cidr, (max) => faker.number.int({ min: 0, max }));
}

export function pickPlace(faker: Faker, code?: string): Place {
  const country = (code ? countryByCode(code) : undefined) ?? faker.helpers.arrayElement(COUNTRIES);
  return { country, ip: publicIpv4(faker, country.code) };
}

/**
 * One place for every field that asks for it, drawn when the first one does (a record without geographic
 * fields costs no draw): the fields of one generated record agree.
 */
export function placeScope(faker: Faker): () => Place {
  let place: Place | undefined;
  return () => (place ??= pickPlace(faker));
}

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** The geohash of the coordinates (the cell that contains them), `precision` characters long. */
export function geohash(latitude: number, longitude: number, precision = 7): string {
  const range = { lat: [-90, 90], lon: [-180, 180] };
  let hash = '';
  let even = true;
  let bits = 0;
  let value = 0;
  while (hash.length < precision) {
    const [axis, coordinate] = even ? [range.lon, longitude] : [range.lat, latitude];
    const middle = (axis[0] + axis[1]) / 2;
    value = value * 2 + (coordinate >= middle ? 1 : 0);
    axis[coordinate >= middle ? 0 : 1] = middle;
    even = !even;
    if (++bits === 5) {
      hash += BASE32[value];
      bits = 0;
      value = 0;
    }
  }
  return hash;
}
