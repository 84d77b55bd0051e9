import { CredentialBook, applyCredential } from '../../../../src/contract/plan/credentials';
import { makeOperation, makeScheme, makeSpec } from '../helpers';

const apiKey = makeScheme({
  name: 'api-key',
  credentials: [
    { value: 'read-only', scopes: ['read'] },
    { value: 'admin', scopes: ['read', 'write'] },
  ],
});
const token = makeScheme({
  name: 'token',
  type: 'http',
  httpScheme: 'bearer',
  in: undefined,
  paramName: undefined,
});
const spec = makeSpec({ securitySchemes: [apiKey, token] });

describe('CredentialBook', () => {
  it('takes the given credential, else the environment, else the broadest documented one', () => {
    expect(new CredentialBook([spec], {}, {}).get('api-key')).toBe('admin');
    expect(new CredentialBook([spec], {}, { SECMOCK_CREDENTIAL_API_KEY: 'from-env' }).get('api-key')).toBe(
      'from-env',
    );
    expect(
      new CredentialBook([spec], { 'api-key': 'given' }, { SECMOCK_CREDENTIAL_API_KEY: 'from-env' }).get(
        'api-key',
      ),
    ).toBe('given');
    expect(new CredentialBook([spec], {}, {}).get('token')).toBeUndefined();
  });

  it('lists every value it may send, documented ones included, as secrets', () => {
    const book = new CredentialBook([spec], { token: 'tok' }, {});
    book.set('token', 'minted');
    expect(book.secrets().sort()).toEqual(['admin', 'minted', 'read-only']);
  });

  it('picks the first alternative whose schemes all have a credential', () => {
    const book = new CredentialBook([spec], {}, {});
    const operation = makeOperation({
      operationId: 'op',
      security: [[{ scheme: 'token', scopes: [] }], [{ scheme: 'api-key', scopes: [] }]],
    });
    expect(book.alternativeFor(operation)).toEqual([{ scheme: 'api-key', scopes: [] }]);
    expect(book.alternativeFor(makeOperation({ operationId: 'open' }))).toEqual([]);
    const tokenOnly = makeOperation({ operationId: 'op', security: [[{ scheme: 'token', scopes: [] }]] });
    expect(book.alternativeFor(tokenOnly)).toBeUndefined();
  });

  it('finds a documented credential without a scope the operation requires', () => {
    const book = new CredentialBook([spec], {}, {});
    const writes = makeOperation({
      operationId: 'w',
      security: [[{ scheme: 'api-key', scopes: ['write'] }]],
    });
    const reads = makeOperation({ operationId: 'r', security: [[{ scheme: 'api-key', scopes: ['read'] }]] });
    expect(book.underScoped(writes)).toEqual({ scheme: apiKey, value: 'read-only', missing: 'write' });
    expect(book.underScoped(reads)).toBeUndefined();
  });
});

describe('applyCredential', () => {
  it.each<[string, Parameters<typeof applyCredential>[0], Record<string, string>, string]>([
    ['an apiKey header, lower-cased', makeScheme({ name: 'k', paramName: 'X-Key' }), { 'x-key': 'v' }, ''],
    ['an apiKey query', makeScheme({ name: 'k', in: 'query', paramName: 'key' }), {}, 'key=v'],
    ['an apiKey cookie', makeScheme({ name: 'k', in: 'cookie', paramName: 'sid' }), { cookie: 'sid=v' }, ''],
    [
      'a bearer token',
      makeScheme({ name: 'b', type: 'http', httpScheme: 'bearer' }),
      { authorization: 'Bearer v' },
      '',
    ],
    [
      'basic',
      makeScheme({ name: 'b', type: 'http', httpScheme: 'basic' }),
      { authorization: 'Basic dg==' },
      '',
    ],
    ['oauth2 (sent nowhere)', makeScheme({ name: 'o', type: 'oauth2' }), {}, ''],
  ])('%s', (_, scheme, headers, query) => {
    const actualHeaders: Record<string, string> = {};
    const actualQuery = new URLSearchParams();
    applyCredential(scheme, 'v', actualHeaders, actualQuery);
    expect(actualHeaders).toEqual(headers);
    expect(actualQuery.toString()).toBe(query);
  });
});
