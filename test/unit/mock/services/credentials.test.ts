import { Credentials, ISSUED_CREDENTIALS } from '../../../../src/mock/services/credentials';
import { Store } from '../../../../src/state/store';
import { apiKeyScheme, bearerScheme } from '../../helpers/model';

describe('Credentials', () => {
  const schemes = [
    apiKeyScheme('key', 'header', 'x-api-key', ['k1', { value: 'k2', scopes: ['read'] }]),
    bearerScheme('jwt'),
  ];

  function make(options: { maxIssued?: number; overrides?: Record<string, Array<{ value: string }>> } = {}) {
    let now = 1_000;
    const store = new Store();
    const credentials = new Credentials(store, schemes, { ...options, now: () => now });
    return { store, credentials, setNow: (ms: number) => (now = ms) };
  }

  it('accepts the credentials the spec writes, with their scopes', () => {
    const { credentials } = make();
    expect(credentials.lookup('key', 'k1')).toEqual({ scopes: undefined });
    expect(credentials.lookup('key', 'k2')).toEqual({ scopes: ['read'] });
    expect(credentials.lookup('key', 'nope')).toBeUndefined();
    // A value belongs to its scheme only.
    expect(credentials.lookup('jwt', 'k1')).toBeUndefined();
    expect(credentials.lookup('unknown', 'k1')).toBeUndefined();
  });

  it('replaces a scheme’s credentials with the overrides', () => {
    const { credentials } = make({ overrides: { key: [{ value: 'given' }] } });
    expect(credentials.lookup('key', 'given')).toBeDefined();
    expect(credentials.lookup('key', 'k1')).toBeUndefined();
    expect(credentials.defaults()).toEqual([{ scheme: 'key', value: 'given', scopes: undefined }]);
  });

  it('lists the defaults per scheme', () => {
    const { credentials } = make();
    expect(credentials.defaults()).toEqual([
      { scheme: 'key', value: 'k1', scopes: undefined },
      { scheme: 'key', value: 'k2', scopes: ['read'] },
    ]);
  });

  it('accepts an issued credential until it is revoked, and keeps it in the store', () => {
    const { credentials, store } = make();
    credentials.issue('jwt', 'tok', { scopes: ['admin'] });
    expect(credentials.lookup('jwt', 'tok')).toEqual({ scopes: ['admin'] });
    expect(store.collection(ISSUED_CREDENTIALS).size).toBe(1);
    credentials.revoke('jwt', 'tok');
    expect(credentials.lookup('jwt', 'tok')).toBeUndefined();
  });

  it('an issued credential expires on the mock clock', () => {
    const { credentials, setNow } = make();
    credentials.issue('jwt', 'tok', { expiresAt: 5_000 });
    expect(credentials.lookup('jwt', 'tok')).toBeDefined();
    setNow(4_999);
    expect(credentials.lookup('jwt', 'tok')).toBeDefined();
    setNow(5_000);
    expect(credentials.lookup('jwt', 'tok')).toBeUndefined();
  });

  it('a reset of the store logs issued credentials out; fixed ones stay', () => {
    const { credentials, store } = make();
    const empty = store.snapshot();
    credentials.issue('jwt', 'tok');
    store.restore(empty);
    expect(credentials.lookup('jwt', 'tok')).toBeUndefined();
    expect(credentials.lookup('key', 'k1')).toBeDefined();
  });

  it('past the limit, the oldest issued credential of the scheme expires', () => {
    const { credentials } = make({ maxIssued: 2 });
    credentials.issue('jwt', 'a');
    credentials.issue('jwt', 'b');
    credentials.issue('key', 'other-scheme');
    credentials.issue('jwt', 'c');
    expect(credentials.lookup('jwt', 'a')).toBeUndefined();
    expect(credentials.lookup('jwt', 'b')).toBeDefined();
    expect(credentials.lookup('jwt', 'c')).toBeDefined();
    // The limit is per scheme.
    expect(credentials.lookup('key', 'other-scheme')).toBeDefined();
    credentials.issue('jwt', 'd');
    expect(['a', 'b', 'c', 'd'].map((v) => credentials.lookup('jwt', v) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
    ]);
    expect(credentials.maxIssued).toBe(2);
  });

  it('isConfigured tells fixed credentials from issued ones', () => {
    const { credentials } = make();
    credentials.issue('key', 'minted');
    expect(credentials.isConfigured('key', 'k1')).toBe(true);
    expect(credentials.isConfigured('key', 'minted')).toBe(false);
    expect(credentials.lookup('key', 'minted')).toBeDefined();
    expect(credentials.isConfigured('jwt', 'k1')).toBe(false);
  });
});
