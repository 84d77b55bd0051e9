import type { Operation, SecurityRequirement, SecuritySchemeSpec, SpecModel } from '../../openapi';

/**
 * The credential the verifier sends per security scheme: given on the command line or in the environment
 * (SECMOCK_CREDENTIAL_<SCHEME>), else the spec's documented default (so a fresh mock needs nothing).
 * Schemes whose values are minted by a login operation are filled in by the runner before the cases.
 */
export class CredentialBook {
  private readonly values = new Map<string, string>();
  readonly schemes = new Map<string, SecuritySchemeSpec>();

  constructor(
    specs: readonly SpecModel[],
    given: Record<string, string> = {},
    env: NodeJS.ProcessEnv = process.env,
  ) {
    for (const spec of specs)
      for (const scheme of spec.securitySchemes) this.schemes.set(scheme.name, scheme);
    for (const scheme of this.schemes.values()) {
      const fromEnv = env[`SECMOCK_CREDENTIAL_${scheme.name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`];
      const value = given[scheme.name] ?? fromEnv ?? broadestDefault(scheme);
      if (value !== undefined) this.values.set(scheme.name, value);
    }
  }

  get(scheme: string): string | undefined {
    return this.values.get(scheme);
  }

  set(scheme: string, value: string): void {
    this.values.set(scheme, value);
  }

  /** Every value the verifier might send: masked in curl lines and reports. */
  secrets(): string[] {
    const documented = [...this.schemes.values()].flatMap((s) => s.credentials.map((c) => c.value));
    return [...new Set([...this.values.values(), ...documented])];
  }

  /** The first security alternative whose schemes all have a credential. */
  alternativeFor(operation: Operation): SecurityRequirement[] | undefined {
    if (operation.security.length === 0) return [];
    return operation.security.find((alternative) => alternative.every((r) => this.values.has(r.scheme)));
  }

  /** A documented credential that lacks a scope the operation requires, to test refusals for scope. */
  underScoped(
    operation: Operation,
  ): { scheme: SecuritySchemeSpec; value: string; missing: string } | undefined {
    for (const requirement of operation.security.flat()) {
      const scheme = this.schemes.get(requirement.scheme);
      for (const credential of scheme?.credentials ?? []) {
        const missing = requirement.scopes.find(
          (s) => credential.scopes !== undefined && !credential.scopes.includes(s),
        );
        if (scheme && missing) return { scheme, value: credential.value, missing };
      }
    }
    return undefined;
  }
}

function broadestDefault(scheme: SecuritySchemeSpec): string | undefined {
  const ranked = [...scheme.credentials].sort(
    (a, b) => (b.scopes?.length ?? Infinity) - (a.scopes?.length ?? Infinity),
  );
  return ranked[0]?.value;
}

/** Puts a credential where its scheme expects it. */
export function applyCredential(
  scheme: SecuritySchemeSpec,
  value: string,
  headers: Record<string, string>,
  query: URLSearchParams,
): void {
  if (scheme.type === 'apiKey' && scheme.paramName) {
    if (scheme.in === 'query') query.set(scheme.paramName, value);
    else if (scheme.in === 'cookie') headers.cookie = `${scheme.paramName}=${value}`;
    else headers[scheme.paramName.toLowerCase()] = value;
  } else if (scheme.type === 'http') {
    const encoded = scheme.httpScheme === 'basic' ? Buffer.from(value).toString('base64') : value;
    headers.authorization = `${scheme.httpScheme === 'basic' ? 'Basic' : 'Bearer'} ${encoded}`;
  }
}
