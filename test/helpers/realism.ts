import { SchemaCompiler, type SchemaValidator } from '../../src/schema';
import { addressOf, isClientAddress, isPublic, LATITUDE, LONGITUDE } from './realism-geo';

/**
 * Audits generated data leaf by leaf, beside its schema: each string with a `format` is valid for it (the
 * project's ajv), each `pattern` matches, each number is within its bounds; and by field name: times are
 * real dates, coordinates are in range, addresses are public and agree with the country, city and
 * coordinates beside them, and text is not lorem ipsum. The rules are written here, apart from the
 * generator's, so that the audit does not share its mistakes.
 */
type Schema = Record<string, unknown>;

export interface Defect {
  rule: string;
  at: string;
  value: unknown;
}

export interface Audit {
  values: number;
  leaves: number;
  formatted: number;
  patterned: number;
  bounded: number;
  times: number;
  coordinates: number;
  addresses: number;
  agreements: number;
  texts: number;
  defects: Defect[];
}

export const newAudit = (): Audit => ({
  values: 0,
  leaves: 0,
  formatted: 0,
  patterned: 0,
  bounded: 0,
  times: 0,
  coordinates: 0,
  addresses: 0,
  agreements: 0,
  texts: 0,
  defects: [],
});

const compiler = new SchemaCompiler();
const formatValidators = new Map<string, SchemaValidator>();

function formatValidator(format: string): SchemaValidator {
  let validate = formatValidators.get(format);
  if (!validate) {
    validate = compiler.compile({ format }, '$');
    formatValidators.set(format, validate);
  }
  return validate;
}

/** Whether the value satisfies the (whole) schema: how an anyOf branch is chosen. */
export function satisfies(value: unknown, schema: unknown): boolean {
  if (typeof schema === 'boolean') return schema;
  return compiler.compile(schema as object, '$')(value).length === 0;
}

const TIME = /(^|_)(time|date|datetime|ts|timestamp|at)$|[a-z0-9](Time|Date|Ts|TS|Timestamp|At)$/;

/** Words of lorem ipsum (faker's lorem module): none belongs in generated text. */
const LATIN =
  /\b(lorem|ipsum|dolor|dolorem|dolore|amet|consectetur|adipisci|adipiscing|elit|eiusmod|tempor|incididunt|aliqua|voluptas|voluptatem|voluptate|voluptatibus|quia|vel|quibusdam|molestiae|accusamus|perspiciatis|repellendus|nesciunt|officiis|autem)\b/i;

/** A time as text must be a real date (2000..2100), in whatever layout: ISO 8601, SQL, epoch digits. */
export function isRealTime(value: string): boolean {
  const sql = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  const text = sql ? `${sql[1]}-${sql[2]}-${sql[3]}T${sql[4]}:${sql[5]}:${sql[6]}Z` : value;
  const ms = /^\d+$/.test(text) ? epochMs(Number(text)) : Date.parse(text);
  if (!Number.isFinite(ms)) return false;
  // A UTC date must read back as written: 2025-02-30 is not a day, whatever a parser rolls it over to.
  const utc = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(text);
  return inCentury(ms) && (!utc || new Date(ms).toISOString().slice(0, 10) === text.slice(0, 10));
}

const epochMs = (n: number) => (n > 1e11 ? n : n * 1000);
const inCentury = (ms: number) => ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2100, 0, 1);

/** An integer time is 0 ("never") or epoch seconds or milliseconds between 2000 and 2100. */
export const isRealEpoch = (n: number): boolean => n === 0 || inCentury(epochMs(n));

export function checkLeaf(audit: Audit, value: unknown, schema: Schema, name: string, at: string): void {
  audit.leaves++;
  const fail = (rule: string) => audit.defects.push({ rule, at, value });
  if (typeof value === 'string') checkString(audit, value, schema, name, fail);
  if (typeof value === 'number') checkNumber(audit, value, schema, name, fail);
}

function checkString(audit: Audit, value: string, schema: Schema, name: string, fail: (r: string) => void) {
  if (typeof schema.format === 'string') {
    audit.formatted++;
    if (formatValidator(schema.format)(value).length > 0) fail(`invalid ${schema.format}`);
  }
  if (typeof schema.pattern === 'string') {
    audit.patterned++;
    if (!new RegExp(schema.pattern, 'u').test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (TIME.test(name) && schema.format === undefined && value !== '') {
    audit.times++;
    if (!isRealTime(value)) fail('time that is not a real date');
  }
  if (LATITUDE.test(name) || LONGITUDE.test(name)) checkCoordinate(audit, Number(value), name, fail);
  const address = isClientAddress(name) || schema.format === 'ipv4' ? addressOf(value) : undefined;
  if (address !== undefined) {
    audit.addresses++;
    if (!isPublic(address)) fail('address that is not public');
  }
  if (schema.format === undefined && schema.pattern === undefined && /[a-z]{2}/i.test(value)) {
    audit.texts++;
    if (LATIN.test(value)) fail('lorem ipsum');
  }
}

function checkNumber(audit: Audit, value: number, schema: Schema, name: string, fail: (r: string) => void) {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if ([minimum, maximum, exclusiveMinimum, exclusiveMaximum].some((b) => typeof b === 'number')) {
    audit.bounded++;
    if (typeof minimum === 'number' && value < minimum) fail(`below minimum ${minimum}`);
    if (typeof maximum === 'number' && value > maximum) fail(`above maximum ${maximum}`);
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) fail('not above exclusiveMinimum');
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) fail('not below exclusiveMaximum');
  }
  if (typeof schema.format === 'string') {
    audit.formatted++;
    if (formatValidator(schema.format)(value).length > 0) fail(`invalid ${schema.format}`);
  }
  if (LATITUDE.test(name) || LONGITUDE.test(name)) checkCoordinate(audit, value, name, fail);
  if (TIME.test(name) && Number.isInteger(value)) {
    audit.times++;
    if (!isRealEpoch(value)) fail('epoch time outside 2000..2100');
  }
}

function checkCoordinate(audit: Audit, value: number, name: string, fail: (r: string) => void) {
  audit.coordinates++;
  const limit = LATITUDE.test(name) ? 90 : 180;
  if (!(Math.abs(value) <= limit)) fail(`coordinate outside ±${limit}`);
}
