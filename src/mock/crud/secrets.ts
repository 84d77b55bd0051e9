import type { Entity } from '../../state';

/**
 * A resource's secrets are answered masked, as the vendors do, and kept in clear in the store. A secret is a
 * field name (`apiToken`) or a dotted path to a field inside an object (`credentials.client_secret`), so an
 * object that mixes identifiers and secrets (Lacework's integration credentials) keeps its shape.
 */
export const MASK = '********';

export type SecretPath = readonly string[];

export function secretPaths(secrets: readonly string[]): SecretPath[] {
  return secrets.map((secret) => secret.split('.'));
}

/** A copy with every secret that holds text masked; objects are copied only along the paths. */
export function maskSecrets(entity: Entity, paths: readonly SecretPath[]): Entity {
  return paths.reduce<Entity>((masked, path) => maskAt(masked, path), { ...entity });
}

function maskAt(record: Entity, [head, ...rest]: SecretPath): Entity {
  const value = record[head];
  if (rest.length === 0)
    return typeof value === 'string' && value !== '' ? { ...record, [head]: MASK } : record;
  return isEntity(value) ? { ...record, [head]: maskAt(value, rest) } : record;
}

/** What a client sends back after seeing a masked secret: the mask itself, or nothing. */
export function isMaskedOrEmpty(value: unknown): boolean {
  return value === null || value === '' || (typeof value === 'string' && value.includes(MASK.slice(0, 6)));
}

/**
 * An update that sends a secret back masked (or empty) keeps the stored one: the patch gets the stored value
 * at that path (a nested object in a patch replaces the stored object whole, so dropping the field would lose it).
 */
export function keepStoredSecrets(patch: Entity, stored: Entity, paths: readonly SecretPath[]): Entity {
  return paths.reduce<Entity>((kept, path) => keepAt(kept, stored, path), patch);
}

function keepAt(patch: Entity, stored: Entity | undefined, [head, ...rest]: SecretPath): Entity {
  if (!(head in patch)) return patch;
  const value = patch[head];
  if (rest.length > 0) {
    const inner = stored?.[head];
    return isEntity(value)
      ? { ...patch, [head]: keepAt(value, isEntity(inner) ? inner : undefined, rest) }
      : patch;
  }
  if (!isMaskedOrEmpty(value)) return patch;
  const { [head]: _sentBack, ...others } = patch;
  return stored?.[head] === undefined ? others : { ...others, [head]: stored[head] };
}

function isEntity(value: unknown): value is Entity {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
