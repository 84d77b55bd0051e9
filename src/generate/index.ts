/** Values from schemas with a seeded faker: realistic by field name, the same for the same seed. */
export { createFaker, FakerPool, hashSeed } from './seed';
export { generateFromSchema, mergeAllOf } from './from-schema';
export { formatPattern, seededRandom, seededUuid } from './ids';
export { applyRule, type FieldRule } from './fixture-rules';
export { countryByCode, countryOfIpv4, pickPlace, placeScope, publicIpv4, type Place } from './places';
export { isPublicIpv4 } from './ipv4';
export { pickText } from './text-rules';
export { COUNTRIES, type CountryRecord } from './data/countries';
export type { VocabularyList } from './data/vocabulary';
