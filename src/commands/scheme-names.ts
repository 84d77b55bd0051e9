import { nearMissHint } from '../openapi';
import { InputError } from './input-error';

/**
 * Credentials given for a security scheme no spec declares would be ignored without a word (the mock and
 * the verifier look credentials up by scheme name), so a misspelt name is refused, with the closest one.
 */
export function checkSchemeNames(given: readonly string[], declared: readonly string[], where: string): void {
  const known = [...new Set(declared)].sort();
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const reasons = unknown.map(
    (name) => `no spec declares the security scheme '${name}'${nearMissHint(name, known, 'schemes')}`,
  );
  throw new InputError(`${where}: ${reasons.join('; ')}`);
}
