import type { SecurityRequirement, SecuritySchemeSpec } from '../../../../src/openapi/model';
import { Credentials } from '../../../../src/mock/services/credentials';
import {
  authenticate,
  readCredential,
  refuseUnauthenticated,
} from '../../../../src/mock/stages/authenticate';
import { Store } from '../../../../src/state/store';
import { apiKeyScheme, bearerScheme, makeOperation, makeSpec } from '../../helpers/model';
import { plainRequest } from '../../helpers/requests';

const headerKey = apiKeyScheme('headerKey', 'header', 'X-Api-Key', [
  'all-scopes',
  { value: 'reader', scopes: ['read'] },
  { value: 'writer', scopes: ['read', 'write'] },
]);
const queryKey = apiKeyScheme('queryKey', 'query', 'api_key', ['q-secret']);
const cookieKey = apiKeyScheme('cookieKey', 'cookie', 'session', ['c-secret']);
const bearer = bearerScheme('bearer', ['b-token']);
const oauth: SecuritySchemeSpec = { name: 'oauth', type: 'oauth2', credentials: [] };
const allSchemes = [headerKey, queryKey, cookieKey, bearer, oauth];
const schemes = new Map(allSchemes.map((s) => [s.name, s]));
const credentials = new Credentials(new Store(), allSchemes);

const needs = (...alternatives: SecurityRequirement[][]) => makeOperation({ security: alternatives });
const req = (scheme: string, scopes: string[] = []): SecurityRequirement => ({ scheme, scopes });

describe('readCredential', () => {
  it.each([
    ['a header, by its lower-case name', headerKey, plainRequest({ headers: { 'x-api-key': 'v' } }), 'v'],
    ['an empty header', headerKey, plainRequest({ headers: { 'x-api-key': '' } }), undefined],
    ['a query parameter', queryKey, plainRequest({ query: { api_key: 'v' } }), 'v'],
    [
      'the first of a repeated query parameter',
      queryKey,
      plainRequest({ query: { api_key: ['v', 'w'] } }),
      'v',
    ],
    ['an absent query parameter', queryKey, plainRequest({ query: { other: 'v' } }), undefined],
    ['a cookie among others', cookieKey, plainRequest({ headers: { cookie: 'a=1; session=v; b=2' } }), 'v'],
    ['a cookie of another name', cookieKey, plainRequest({ headers: { cookie: 'sessionx=v' } }), undefined],
    [
      'a cookie whose value holds =',
      cookieKey,
      plainRequest({ headers: { cookie: 'a=1; session=abc==; b=2' } }),
      'abc==',
    ],
    ['an empty cookie', cookieKey, plainRequest({ headers: { cookie: 'session=' } }), undefined],
    ['a bearer token', bearer, plainRequest({ headers: { authorization: 'Bearer tok' } }), 'tok'],
    [
      'a bearer token, whatever the case and spacing',
      bearer,
      plainRequest({ headers: { authorization: '  bearer   tok ' } }),
      'tok',
    ],
    [
      'another HTTP scheme',
      bearer,
      plainRequest({ headers: { authorization: 'Basic dXNlcg==' } }),
      undefined,
    ],
    ['a bare "Bearer"', bearer, plainRequest({ headers: { authorization: 'Bearer' } }), undefined],
    [
      'a scheme secmock cannot read',
      oauth,
      plainRequest({ headers: { authorization: 'Bearer tok' } }),
      undefined,
    ],
  ] as Array<[string, SecuritySchemeSpec, ReturnType<typeof plainRequest>, string | undefined]>)(
    'reads %s',
    (_, scheme, request, expected) => {
      expect(readCredential(scheme, request)).toBe(expected);
    },
  );
});

describe('authenticate', () => {
  const withKey = (value: string) => plainRequest({ headers: { 'x-api-key': value } });

  it('lets anything through an operation without security', () => {
    expect(authenticate(needs(), plainRequest(), schemes, credentials)).toEqual({ ok: true });
  });

  it.each([
    ['header', withKey('all-scopes')],
    ['query', plainRequest({ query: { api_key: 'q-secret' } })],
    ['cookie', plainRequest({ headers: { cookie: 'session=c-secret' } })],
  ])('accepts a valid apiKey in the %s', (where, request) => {
    const scheme = { header: 'headerKey', query: 'queryKey', cookie: 'cookieKey' }[where] as string;
    expect(authenticate(needs([req(scheme)]), request, schemes, credentials)).toEqual({ ok: true });
  });

  it('accepts a valid bearer token', () => {
    const request = plainRequest({ headers: { authorization: 'Bearer b-token' } });
    expect(authenticate(needs([req('bearer')]), request, schemes, credentials)).toEqual({ ok: true });
  });

  it.each([
    ['missing', plainRequest(), 'unauthorized', "Missing credentials: send the header 'X-Api-Key'."],
    ['wrong', withKey('nope'), 'unauthorized', "Invalid or expired credentials in the header 'X-Api-Key'."],
    ['under-scoped', withKey('reader'), 'forbidden', 'The credential lacks the scope write.'],
  ])('refuses a %s credential', (_, request, kind, message) => {
    expect(authenticate(needs([req('headerKey', ['write'])]), request, schemes, credentials)).toEqual({
      ok: false,
      kind,
      message,
    });
  });

  it('names every missing scope', () => {
    const result = authenticate(
      needs([req('headerKey', ['read', 'write', 'admin'])]),
      withKey('reader'),
      schemes,
      credentials,
    );
    expect(result).toMatchObject({
      kind: 'forbidden',
      message: 'The credential lacks the scope write, admin.',
    });
  });

  it('a credential without a scope list has every scope; one with them needs each', () => {
    const operation = needs([req('headerKey', ['read', 'write'])]);
    expect(authenticate(operation, withKey('all-scopes'), schemes, credentials).ok).toBe(true);
    expect(authenticate(operation, withKey('writer'), schemes, credentials).ok).toBe(true);
  });

  it('describes a bearer scheme in its refusal', () => {
    expect(authenticate(needs([req('bearer')]), plainRequest(), schemes, credentials)).toMatchObject({
      message: "Missing credentials: send an 'Authorization: Bearer <token>' header.",
    });
  });

  it('passes when any alternative passes (OR)', () => {
    const operation = needs([req('bearer')], [req('queryKey')]);
    expect(
      authenticate(operation, plainRequest({ query: { api_key: 'q-secret' } }), schemes, credentials),
    ).toEqual({ ok: true });
    expect(authenticate(operation, plainRequest(), schemes, credentials)).toMatchObject({ ok: false });
  });

  it('needs every requirement of an alternative (AND)', () => {
    const operation = needs([req('headerKey'), req('queryKey')]);
    const both = plainRequest({ headers: { 'x-api-key': 'all-scopes' }, query: { api_key: 'q-secret' } });
    expect(authenticate(operation, both, schemes, credentials)).toEqual({ ok: true });
    expect(authenticate(operation, withKey('all-scopes'), schemes, credentials)).toEqual({
      ok: false,
      kind: 'unauthorized',
      message: "Missing credentials: send the query 'api_key'.",
    });
  });

  it('reports the most informative refusal: a wrong scope beats a missing key', () => {
    const operation = needs([req('bearer')], [req('headerKey', ['write'])], [req('queryKey')]);
    expect(authenticate(operation, withKey('reader'), schemes, credentials)).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('refuses an unknown scheme', () => {
    expect(authenticate(needs([req('ghost')]), plainRequest(), schemes, credentials)).toEqual({
      ok: false,
      kind: 'unauthorized',
      message: 'unknown security scheme ghost',
    });
  });

  it('accepts a credential issued at run time and refuses it once revoked', () => {
    const issued = new Credentials(new Store(), allSchemes);
    const request = plainRequest({ headers: { authorization: 'Bearer minted' } });
    const operation = needs([req('bearer')]);
    expect(authenticate(operation, request, schemes, issued).ok).toBe(false);
    issued.issue('bearer', 'minted');
    expect(authenticate(operation, request, schemes, issued).ok).toBe(true);
    issued.revoke('bearer', 'minted');
    expect(authenticate(operation, request, schemes, issued).ok).toBe(false);
  });
});

describe('refuseUnauthenticated', () => {
  const spec = makeSpec();

  it('lets an authenticated request go on', () => {
    const operation = needs([req('bearer')]);
    const request = plainRequest({ headers: { authorization: 'Bearer b-token' } });
    expect(refuseUnauthenticated(spec, operation, request, schemes, credentials)).toBeUndefined();
  });

  it("answers 401 and 403 in the spec's envelopes", () => {
    const operation = needs([req('headerKey', ['write'])]);
    const missing = refuseUnauthenticated(spec, operation, plainRequest(), schemes, credentials);
    expect(missing?.response).toMatchObject({ status: 401, body: { kind: 'unauthorized' } });
    expect(missing?.requestViolations).toEqual(["Missing credentials: send the header 'X-Api-Key'."]);
    const scoped = refuseUnauthenticated(
      spec,
      operation,
      plainRequest({ headers: { 'x-api-key': 'reader' } }),
      schemes,
      credentials,
    );
    expect(scoped?.response).toMatchObject({
      status: 403,
      body: { kind: 'forbidden', error: { message: 'The credential lacks the scope write.' } },
    });
    expect(scoped?.operation).toBe(operation);
    expect(scoped?.bySecmock).toBeUndefined();
  });
});
