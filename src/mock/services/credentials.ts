import type { SecuritySchemeSpec } from '../../openapi';
import type { Store } from '../../state';

/**
 * Valid credentials per security scheme: the defaults written in the specs (or given with --credentials)
 * plus the ones issued at run time (a Lacework login mints a JWT). Issued ones live in the store, so a
 * restart with --state-file keeps clients logged in and a reset logs them out.
 */
export interface Grant {
  scopes?: string[];
}

export interface IssueOptions {
  scopes?: string[];
  /** When it stops being accepted, on the mock clock (ms). */
  expiresAt?: number;
}

export interface CredentialsOptions {
  overrides?: Record<string, Array<{ value: string; scopes?: string[] }>>;
  /** Issued credentials kept per scheme; past it the oldest expire. */
  maxIssued?: number;
  /** The mock clock, for expiry. */
  now?: () => number;
}

export const ISSUED_CREDENTIALS = '$issuedCredentials';

export class Credentials {
  private readonly fixed = new Map<string, Map<string, Grant>>();
  /** Issued credentials that stay valid at once, per scheme. */
  readonly maxIssued: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    schemes: readonly SecuritySchemeSpec[],
    options: CredentialsOptions = {},
  ) {
    this.maxIssued = options.maxIssued ?? 1_000;
    this.now = options.now ?? (() => Date.now());
    for (const scheme of schemes) {
      const list = options.overrides?.[scheme.name] ?? scheme.credentials;
      const grants = this.fixed.get(scheme.name) ?? new Map<string, Grant>();
      for (const credential of list) grants.set(credential.value, { scopes: credential.scopes });
      this.fixed.set(scheme.name, grants);
    }
  }

  lookup(scheme: string, value: string): Grant | undefined {
    const fixed = this.fixed.get(scheme)?.get(value);
    if (fixed) return fixed;
    const issued = this.store.collection(ISSUED_CREDENTIALS).get(`${scheme}:${value}`);
    if (!issued) return undefined;
    if (typeof issued.expiresAt === 'number' && issued.expiresAt <= this.now()) return undefined;
    return { scopes: issued.scopes as string[] | undefined };
  }

  isConfigured(scheme: string, value: string): boolean {
    return this.fixed.get(scheme)?.has(value) === true;
  }

  /** Issues a credential; past the limit the oldest one of the scheme expires (a soak of logins stays flat). */
  issue(scheme: string, value: string, options: IssueOptions = {}): void {
    const issued = this.store.collection(ISSUED_CREDENTIALS);
    const ofScheme = issued.list().filter((c) => c.scheme === scheme);
    for (const old of ofScheme.slice(0, Math.max(0, ofScheme.length - this.maxIssued + 1)))
      issued.remove(`${scheme}:${String(old.value)}`);
    issued.put(`${scheme}:${value}`, { scheme, value, scopes: options.scopes, expiresAt: options.expiresAt });
  }

  revoke(scheme: string, value: string): void {
    this.store.collection(ISSUED_CREDENTIALS).remove(`${scheme}:${value}`);
  }

  /** The defaults per scheme, for the start-up banner and the verifier. */
  defaults(): Array<{ scheme: string; value: string; scopes?: string[] }> {
    return [...this.fixed.entries()].flatMap(([scheme, grants]) =>
      [...grants.entries()].map(([value, grant]) => ({ scheme, value, scopes: grant.scopes })),
    );
  }
}
