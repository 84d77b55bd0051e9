import type { SecuritySchemeSpec } from '../openapi';

/**
 * How to authenticate, a line per credential, derived from the specs' security schemes: the default
 * credentials they declare (or the ones --credentials gave) and the schemes whose credential a login mints.
 * The same text in `serve --help` and in the start-up banner; no vendor is named in code.
 */
export function credentialLines(
  schemes: readonly SecuritySchemeSpec[],
  credentialsOf: (scheme: SecuritySchemeSpec) => Array<{ value: string; scopes?: string[] }>,
): string[] {
  const width = Math.max(20, ...schemes.map((s) => s.name.length + 1));
  const lines: string[] = [];
  for (const scheme of schemes) {
    for (const credential of credentialsOf(scheme)) {
      const scopes = credential.scopes ? `  (scopes: ${credential.scopes.join(', ')})` : '';
      lines.push(`  ${scheme.name.padEnd(width)} ${placement(scheme)}${credential.value}${scopes}`);
    }
    if (scheme.issuedBy)
      lines.push(
        `  ${scheme.name.padEnd(width)} ${placement(scheme)}<${scheme.issuedBy.field} answered by ${scheme.issuedBy.operationId}>`,
      );
  }
  return lines;
}

/** Where the scheme's credential goes in a request. */
function placement(scheme: SecuritySchemeSpec): string {
  if (scheme.type === 'apiKey') {
    if (scheme.in === 'query') return `query ${scheme.paramName ?? ''}=`;
    if (scheme.in === 'cookie') return `cookie ${scheme.paramName ?? ''}=`;
    return `header ${scheme.paramName ?? ''}: `;
  }
  if (scheme.type === 'http' && scheme.httpScheme === 'basic') return 'HTTP Basic user:password = ';
  return 'Authorization: Bearer ';
}
