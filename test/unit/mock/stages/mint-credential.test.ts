import type { SecuritySchemeSpec } from '../../../../src/openapi/model';
import { ok, type Outcome } from '../../../../src/mock/outcome';
import { MockClock } from '../../../../src/mock/services/clock';
import { Credentials } from '../../../../src/mock/services/credentials';
import { mintCredential, type MintDeps } from '../../../../src/mock/stages/mint-credential';
import { Store } from '../../../../src/state/store';
import { bearerScheme, makeOperation } from '../../helpers/model';

const NOW = Date.UTC(2025, 8, 9, 18);
const jwt: SecuritySchemeSpec = {
  ...bearerScheme('jwt', ['fixed-token']),
  issuedBy: { operationId: 'login', field: 'token' },
};
const login = makeOperation({ operationId: 'login', method: 'post', path: '/login' });
const other = makeOperation({ operationId: 'listThings' });

function deps(seed = 1): MintDeps {
  const store = new Store();
  return {
    schemes: new Map([[jwt.name, jwt]]),
    store,
    seed,
    clock: new MockClock(store, NOW),
    credentials: new Credentials(store, [jwt]),
  };
}

const bodyOf = (outcome: Outcome) => (outcome.kind === 'ok' ? (outcome.body as Record<string, unknown>) : {});
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('mintCredential', () => {
  it('leaves the answers of other operations and refusals alone', () => {
    const d = deps();
    const answer = ok({ token: 'x' });
    expect(mintCredential(d, other, answer)).toBe(answer);
    const refusal: Outcome = { kind: 'fail', error: 'unauthorized', messages: ['no'] };
    expect(mintCredential(d, login, refusal)).toBe(refusal);
    expect(mintCredential(d, login, ok('not an object'))).toEqual(ok('not an object'));
  });

  it('puts a well-formed JWT into the field the scheme names, valid from then on', () => {
    const d = deps();
    const original = ok({ user: 'alice' }, 201);
    const minted = mintCredential(d, login, original);
    const token = bodyOf(minted).token as string;
    expect(bodyOf(minted).user).toBe('alice');
    expect(minted).toMatchObject({ kind: 'ok', status: 201 });
    expect(original.kind === 'ok' && original.body).toEqual({ user: 'alice' });
    const [header, payload, signature] = token.split('.');
    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decode(payload);
    expect(claims.iat).toBe(NOW / 1000);
    expect(Number(claims.exp)).toBeGreaterThan(Number(claims.iat));
    expect(Buffer.from(signature, 'base64url')).toHaveLength(32);
    expect(d.credentials.lookup('jwt', token)).toBeDefined();
    expect(d.credentials.isConfigured('jwt', token)).toBe(false);
  });

  it('mints a different token on every login, the same ones on every run', () => {
    const first = deps();
    const a = bodyOf(mintCredential(first, login, ok({}))).token;
    const b = bodyOf(mintCredential(first, login, ok({}))).token;
    expect(a).not.toBe(b);
    expect(first.credentials.lookup('jwt', a as string)).toBeDefined();
    expect(first.credentials.lookup('jwt', b as string)).toBeDefined();
    const again = deps();
    expect(bodyOf(mintCredential(again, login, ok({}))).token).toBe(a);
    const otherSeed = deps(2);
    expect(bodyOf(mintCredential(otherSeed, login, ok({}))).token).not.toBe(a);
  });

  it('keeps a valid credential the behaviour already answered, and replaces an invalid one', () => {
    const d = deps();
    expect(bodyOf(mintCredential(d, login, ok({ token: 'fixed-token' }))).token).toBe('fixed-token');
    const replaced = bodyOf(mintCredential(d, login, ok({ token: 'made-up' }))).token;
    expect(replaced).not.toBe('made-up');
    expect(d.credentials.lookup('jwt', replaced as string)).toBeDefined();
    expect(d.credentials.lookup('jwt', 'made-up')).toBeUndefined();
  });
});
