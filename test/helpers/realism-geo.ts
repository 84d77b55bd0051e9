import { COUNTRIES, countryOfIpv4 } from '../../src/generate';
import type { Audit } from './realism';

/**
 * The addresses of generated data: which fields hold a client's address, whether it is public, and whether
 * the country, city and coordinates beside it agree with the country table.
 */
const ADDRESS = /^(ip|ips|actor|actorip|sourceip|clientip|remoteip)$|_ip$|[a-z]Ip$|ip_?address$/i;
/** An address inside a network (`LocalIP`, `internal_ip`) is private by nature: not a client's. */
const INSIDE = /local|internal|private/i;
export const isClientAddress = (name: string) => ADDRESS.test(name) && !INSIDE.test(name);
const COUNTRY = /^country$|_country$|[a-z]Country$|country_?(code|name)$|CountryCode$/;
const CITY = /^city(_name)?$|_city$|[a-z]City$/;
export const LATITUDE = /^lat(itude)?$|_lat(itude)?$|[a-z]Lat(itude)?$/;
export const LONGITUDE = /^(lon|lng|long|longitude)$|_(lon|lng|longitude)$|[a-z](Lon|Lng|Longitude)$/;

/** Blocks no client on the internet has: private, loopback, link-local, CGNAT, TEST-NETs, multicast. */
const NOT_PUBLIC: Array<[number, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
].map(([address, bits]) => [toNumber(address as string) as number, bits as number]);

function toNumber(ip: string): number | undefined {
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function isPublic(ip: string): boolean {
  const n = toNumber(ip);
  return (
    n !== undefined &&
    !NOT_PUBLIC.some(([start, bits]) => Math.floor(n / 2 ** (32 - bits)) === start / 2 ** (32 - bits))
  );
}

/** The IPv4 address of a field value (`actor` may be `ip:port`), or undefined. */
export function addressOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ip = value.replace(/:\d+$/, '');
  return toNumber(ip) === undefined ? undefined : ip;
}

/**
 * The geographic facts of one record (its fields and those of the plain objects inside it) agree: the
 * address lies in the table's networks of the country beside it, and the city and coordinates are the
 * table's for that country.
 */
export function checkAgreement(audit: Audit, record: Record<string, unknown>, at: string): void {
  const facts = geographicFacts(record);
  const countries = facts.countries.map((c) => COUNTRIES.find((r) => r.code === c || r.name === c));
  if (countries.length === 0) return;
  const fail = (rule: string, value: unknown) => audit.defects.push({ rule, at, value });
  for (const country of countries) {
    if (!country) {
      fail('country not in the table', facts.countries);
      continue;
    }
    for (const ip of facts.addresses) {
      audit.agreements++;
      if (countryOfIpv4(ip)?.code !== country.code) fail(`address not in ${country.code}`, ip);
    }
    for (const city of facts.cities) {
      audit.agreements++;
      if (city !== country.city) fail(`city not in ${country.code}`, city);
    }
    for (const [latitude, longitude] of facts.coordinates) {
      audit.agreements++;
      const near =
        Math.abs(latitude - country.latitude) < 0.01 && Math.abs(longitude - country.longitude) < 0.01;
      if (!near) fail(`coordinates not in ${country.code}`, [latitude, longitude]);
    }
  }
}

interface Facts {
  addresses: string[];
  countries: string[];
  cities: string[];
  coordinates: Array<[number, number]>;
}

function geographicFacts(record: Record<string, unknown>, facts: Facts = emptyFacts()): Facts {
  let latitude: number | undefined;
  let longitude: number | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      geographicFacts(value as Record<string, unknown>, facts);
    const address = isClientAddress(key) ? addressOf(value) : undefined;
    if (address) facts.addresses.push(address);
    if (COUNTRY.test(key) && typeof value === 'string' && value !== '') facts.countries.push(value);
    if (CITY.test(key) && typeof value === 'string' && value !== '') facts.cities.push(value);
    if (LATITUDE.test(key) && value !== '') latitude = Number(value);
    if (LONGITUDE.test(key) && value !== '') longitude = Number(value);
  }
  if (latitude !== undefined && longitude !== undefined) facts.coordinates.push([latitude, longitude]);
  return facts;
}

const emptyFacts = (): Facts => ({ addresses: [], countries: [], cities: [], coordinates: [] });
