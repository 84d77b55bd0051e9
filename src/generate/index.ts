/** Values from schemas with a seeded faker: realistic by field name, the same for the same seed. */
export { createFaker, FakerPool, hashSeed } from './seed';
export { generateFromSchema, mergeAllOf } from './from-schema';
export { formatPattern, seededRandom, seededUuid } from './ids';
export { applyRule, type FieldRule } from './fixture-rules';
