import { readLocation, type Operation } from '../../openapi';
import type { SchemaCompiler } from '../../schema';
import { schemaOf } from './probes';
import { withValue, type RequestParts } from './request-parts';

/**
 * Values the contract says the vendor keeps unique (`x-secmock.unique`: an incident's name) get the run's
 * token, so that a second run against the same implementation, or runs of several CI jobs against one
 * shared environment, do not collide with what an earlier run left. The value stays valid: the token
 * replaces the end of a value at its maximum length, and a value its schema would refuse is left as it was.
 */
export function withUniqueValues(
  operation: Operation,
  parts: RequestParts,
  token: string,
  validators: SchemaCompiler,
): RequestParts {
  let next = parts;
  for (const location of operation.mock.unique) {
    const value = readLocation(next, location);
    if (typeof value !== 'string') continue;
    const schema = schemaOf(operation, location) as Record<string, unknown> | undefined;
    const max = typeof schema?.maxLength === 'number' ? schema.maxLength : Infinity;
    const suffix = `-${token}`;
    const unique = `${value.slice(0, Math.max(0, max - suffix.length))}${suffix}`;
    if (unique.length > max || (schema && validators.compile(schema, 'unique')(unique).length > 0)) continue;
    next = withValue(next, location, unique);
  }
  return next;
}
