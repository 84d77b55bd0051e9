import type { Faker } from '@faker-js/faker';
import { geohash, pickPlace, type Place } from './places';

/**
 * Geographic fields by name: addresses, countries, cities, coordinates and time zones, all taken from the
 * record's one place (see places.ts), so that an IP address and the country beside it agree.
 */
export interface GeoContext {
  faker: Faker;
  /** The place of the record being generated; without one, each field draws its own. */
  place?: () => Place;
}

/** A rule: the field-name pattern and the candidate values, best first (the first the schema accepts wins). */
export type StringRule = [RegExp, (ctx: GeoContext & { now: number }, name: string) => string | string[]];

export const placeOf = (ctx: GeoContext): Place => ctx.place?.() ?? pickPlace(ctx.faker);

export const LATITUDE = /^lat(itude)?$|_lat(itude)?$|[a-z]Lat(itude)?$/;
export const LONGITUDE = /^(lon|lng|long|longitude)$|_(lon|lng|longitude)$|[a-z](Lon|Lng|Longitude)$/;

export const GEO_RULES: StringRule[] = [
  // An address inside the network is a private one (and has no country).
  [
    /(local|internal|private)_?ip(_?address)?$|(Local|Internal|Private)Ip(Address)?$/i,
    ({ faker }) =>
      `10.${faker.number.int(255)}.${faker.number.int(255)}.${faker.number.int({ min: 1, max: 254 })}`,
  ],
  [
    /^(ip|actor|actorip|sourceip|clientip|remoteip)$|_ip$|[a-z]Ip$|ip_?address$|IpAddress$/,
    (ctx) => placeOf(ctx).ip,
  ],
  [/country_?code$|[a-z]CountryCode$|^countryCode$/, (ctx) => placeOf(ctx).country.code],
  [
    /^country$|_country$|[a-z]Country$|country_?name$|CountryName$/,
    (ctx) => [placeOf(ctx).country.name, placeOf(ctx).country.code],
  ],
  [/city_?code$|CityCode$/, (ctx) => placeOf(ctx).country.cityCode],
  [/(^|_)city(_?name)?$|[a-z]City(Name)?$|^location(_label)?$/, (ctx) => placeOf(ctx).country.city],
  [/(state|region)_?code$|(State|Region)Code$/, (ctx) => placeOf(ctx).country.regionCode],
  [/^state$|state_?name$|region_?name$|RegionName$/, (ctx) => placeOf(ctx).country.region],
  [/time_?zone|timezone|TimeZone/i, (ctx) => placeOf(ctx).country.timeZone],
  [/zip(_?code)?$|postal_?code$|ZipCode$|PostalCode$/, (ctx) => placeOf(ctx).country.zip],
  [/geohash$/i, (ctx) => geohash(placeOf(ctx).country.latitude, placeOf(ctx).country.longitude)],
  [LATITUDE, (ctx) => String(placeOf(ctx).country.latitude)],
  [LONGITUDE, (ctx) => String(placeOf(ctx).country.longitude)],
  [/^asn$|_asn$/i, ({ faker }) => `AS${faker.number.int({ min: 1000, max: 64000 })}`],
];

/** A coordinate for a number field named as one, or undefined. */
export function coordinateByName(name: string, ctx: GeoContext): number | undefined {
  if (LATITUDE.test(name)) return placeOf(ctx).country.latitude;
  if (LONGITUDE.test(name)) return placeOf(ctx).country.longitude;
  return undefined;
}
