import { readSecuritySchemes, type SecuritySchemeSpec } from '../../src/openapi';

/**
 * Credentials as the specs declare them (x-secmock.credentials of each security scheme): tests never
 * hard-code a vendor's token, so a spec's change of default is a change in one place.
 */
function schemeOf(specFile: string, schemeName?: string): SecuritySchemeSpec {
  const schemes = readSecuritySchemes(specFile);
  const scheme = schemeName
    ? schemes.find((s) => s.name === schemeName)
    : schemes.find((s) => s.credentials.length > 0);
  if (!scheme) throw new Error(`${specFile} declares no credential${schemeName ? ` for ${schemeName}` : ''}`);
  return scheme;
}

/** The declared credential with the most scopes (or the one with the given scopes) of a scheme. */
export function declaredCredential(
  specFile: string,
  options: { scheme?: string; scopes?: string[] } = {},
): string {
  const scheme = schemeOf(specFile, options.scheme);
  const wanted = options.scopes;
  const ranked = [...scheme.credentials].sort(
    (a, b) => (b.scopes?.length ?? Infinity) - (a.scopes?.length ?? Infinity),
  );
  const credential = wanted
    ? scheme.credentials.find((c) => JSON.stringify(c.scopes ?? []) === JSON.stringify(wanted))
    : ranked[0];
  if (!credential) throw new Error(`${scheme.name} declares no credential with scopes ${String(wanted)}`);
  return credential.value;
}

/** The request headers that carry a credential of the scheme. */
export function credentialHeaders(
  specFile: string,
  value: string,
  schemeName?: string,
): Record<string, string> {
  const scheme = schemeOf(specFile, schemeName);
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.paramName)
    return { [scheme.paramName.toLowerCase()]: value };
  return { authorization: `Bearer ${value}` };
}

/** Headers with the spec's broadest declared credential, for its first scheme that declares one. */
export function authHeaders(specFile: string, options: { scheme?: string; scopes?: string[] } = {}) {
  return credentialHeaders(specFile, declaredCredential(specFile, options), options.scheme);
}
