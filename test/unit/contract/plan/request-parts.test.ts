import { createFaker } from '../../../../src/generate';
import { CredentialBook } from '../../../../src/contract/plan/credentials';
import {
  jsonMedia,
  setIn,
  toRequest,
  validParts,
  withKey,
  type RequestParts,
} from '../../../../src/contract/plan/request-parts';
import type { CaseRequest } from '../../../../src/contract/types';
import type { Operation, SecuritySchemeSpec } from '../../../../src/openapi';
import { jsonContent, makeOperation, makeScheme, makeSpec, parameter } from '../helpers';

const SCHEMES: SecuritySchemeSpec[] = [
  makeScheme({ name: 'headerKey', type: 'apiKey', in: 'header', paramName: 'X-Api-Key' }),
  makeScheme({ name: 'queryKey', type: 'apiKey', in: 'query', paramName: 'api_key' }),
  makeScheme({ name: 'cookieKey', type: 'apiKey', in: 'cookie', paramName: 'session' }),
  makeScheme({ name: 'bearer', type: 'http', httpScheme: 'bearer', in: undefined, paramName: undefined }),
  makeScheme({ name: 'basic', type: 'http', httpScheme: 'basic', in: undefined, paramName: undefined }),
];
const spec = makeSpec({ securitySchemes: SCHEMES });
const EMPTY: RequestParts = { path: {}, query: {}, headers: {} };

const securedBy = (...alternatives: string[][]): Operation =>
  makeOperation({
    operationId: 'listItems',
    security: alternatives.map((a) => a.map((scheme) => ({ scheme, scopes: [] }))),
  });
const bookWith = (given: Record<string, string>) => new CredentialBook([spec], given, {});

describe('toRequest credentials', () => {
  it.each<[string, string, Partial<CaseRequest>]>([
    ['headerKey', 'k-1', { path: '/items', headers: { accept: 'application/json', 'x-api-key': 'k-1' } }],
    ['queryKey', 'k&1=', { path: '/items?api_key=k%261%3D', headers: { accept: 'application/json' } }],
    [
      'cookieKey',
      'c00kie',
      { path: '/items', headers: { accept: 'application/json', cookie: 'session=c00kie' } },
    ],
    [
      'bearer',
      'tok.en',
      { path: '/items', headers: { accept: 'application/json', authorization: 'Bearer tok.en' } },
    ],
    [
      'basic',
      'user:pass',
      { path: '/items', headers: { accept: 'application/json', authorization: 'Basic dXNlcjpwYXNz' } },
    ],
  ])('puts a %s credential where its scheme says', (scheme, value, expected) => {
    const request = toRequest(securedBy([scheme]), EMPTY, bookWith({ [scheme]: value }));
    expect(request).toEqual({ method: 'get', ...expected });
  });

  it('sends every scheme of the first alternative it has credentials for', () => {
    const operation = securedBy(['headerKey', 'bearer'], ['queryKey']);
    expect(toRequest(operation, EMPTY, bookWith({ queryKey: 'q', bearer: 'b' }))).toEqual({
      method: 'get',
      path: '/items?api_key=q',
      headers: { accept: 'application/json' },
    });
    expect(
      toRequest(operation, EMPTY, bookWith({ headerKey: 'h', bearer: 'b', queryKey: 'q' })).headers,
    ).toEqual({
      accept: 'application/json',
      'x-api-key': 'h',
      authorization: 'Bearer b',
    });
  });

  it('sends none in mode none, or for an unsecured operation', () => {
    const book = bookWith({ headerKey: 'h' });
    expect(toRequest(securedBy(['headerKey']), EMPTY, book, 'none').headers).toEqual({
      accept: 'application/json',
    });
    expect(toRequest(makeOperation({ operationId: 'open' }), EMPTY, book).headers).toEqual({
      accept: 'application/json',
    });
  });

  it('sends the given wrong credential where its scheme says', () => {
    const request = toRequest(securedBy(['queryKey']), EMPTY, bookWith({ queryKey: 'good' }), {
      scheme: 'queryKey',
      value: 'wrong',
    });
    expect(request.path).toBe('/items?api_key=wrong');
  });
});

describe('toRequest serialisation', () => {
  const book = bookWith({});
  const noteOp = makeOperation({
    operationId: 'addNote',
    method: 'post',
    path: '/incidents/{id}/notes/{noteId}',
  });

  it('encodes path parameters', () => {
    const request = toRequest(noteOp, { ...EMPTY, path: { id: 'a b/c?#', noteId: 5 } }, book);
    expect(request.path).toBe('/incidents/a%20b%2Fc%3F%23/notes/5');
  });

  it('repeats array query values, writes objects as JSON, leaves undefined out', () => {
    const query = { tag: ['a', 'b c'], filter: { level: 2 }, skip: undefined, limit: 10 };
    const request = toRequest(makeOperation({ operationId: 'list' }), { ...EMPTY, query }, book);
    expect(request.path).toBe('/items?tag=a&tag=b+c&filter=%7B%22level%22%3A2%7D&limit=10');
  });

  it('serialises a JSON body with its content type', () => {
    const request = toRequest(
      noteOp,
      { ...EMPTY, path: { id: 1, noteId: 2 }, body: { text: 'hi', n: [1] } },
      book,
    );
    expect(request).toEqual({
      method: 'post',
      path: '/incidents/1/notes/2',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"text":"hi","n":[1]}',
    });
  });

  it('keeps the planned content type and a raw body verbatim', () => {
    const request = toRequest(
      noteOp,
      { ...EMPTY, body: { a: 1 }, rawBody: '{"unterminated": ', contentType: 'text/plain' },
      book,
    );
    expect(request.body).toBe('{"unterminated": ');
    expect(request.headers['content-type']).toBe('text/plain');
  });

  it('sends a null body as JSON null, and no content type without a body', () => {
    expect(toRequest(noteOp, { ...EMPTY, body: null }, book).body).toBe('null');
    const bare = toRequest(noteOp, EMPTY, book);
    expect(bare.body).toBeUndefined();
    expect(bare.headers).toEqual({ accept: 'application/json' });
  });

  it('lets a planned header override accept', () => {
    expect(toRequest(noteOp, { ...EMPTY, headers: { accept: 'text/csv' } }, book).headers.accept).toBe(
      'text/csv',
    );
  });
});

describe('validParts', () => {
  const faker = createFaker(1);
  const now = Date.parse('2025-09-09T18:00:00Z');
  const operation = makeOperation({
    operationId: 'search',
    method: 'post',
    path: '/orgs/{org}/search',
    parameters: [
      parameter(
        'org',
        'path',
        { type: 'string' },
        { examples: [{ name: 'acme', value: 'acme', pointer: '' }] },
      ),
      parameter('limit', 'query', { type: 'integer', example: 25 }, { required: true }),
      parameter('offset', 'query', { type: 'integer' }),
      parameter(
        'X-Tenant',
        'header',
        { type: 'integer' },
        { required: true, examples: [{ name: 't', value: 7, pointer: '' }] },
      ),
      parameter('session', 'cookie', { type: 'string' }, { required: true }),
      parameter('page', 'query', { type: 'integer', minimum: 1, maximum: 5 }, { required: true }),
    ],
    requestBody: { required: true, content: [jsonContent({ type: 'object' })] },
  });

  it('fills required parameters from examples, generates the others, leaves optional queries out', () => {
    const parts = validParts(operation, faker, now, { q: 'x' });
    expect(parts).toEqual({
      path: { org: 'acme' },
      query: { limit: 25, page: expect.any(Number) },
      headers: { 'x-tenant': '7' },
      body: { q: 'x' },
      contentType: 'application/json',
    });
    expect(parts.query.page).toBeGreaterThanOrEqual(1);
    expect(parts.query.page).toBeLessThanOrEqual(5);
  });

  it('always fills an optional path parameter', () => {
    const op = makeOperation({
      operationId: 'get',
      path: '/items/{id}',
      parameters: [parameter('id', 'path', { type: 'string', enum: ['only'] }, { required: false })],
    });
    expect(validParts(op, faker, now, undefined).path).toEqual({ id: 'only' });
  });

  it('sends no body with GET', () => {
    const get = { ...operation, method: 'get' as const };
    const parts = validParts(get, faker, now, { q: 'x' });
    expect(parts.body).toBeUndefined();
    expect(parts.contentType).toBeUndefined();
  });
});

describe('withKey', () => {
  const base: RequestParts = { path: { id: 'old' }, query: { a: 1 }, headers: {}, body: { name: 'n' } };
  const keyed = (location: NonNullable<Operation['mock']['id']>) =>
    makeOperation({ operationId: 'op', mock: { id: location } });

  it.each<[string, NonNullable<Operation['mock']['id']>, Partial<RequestParts>]>([
    ['a path parameter', { in: 'path', path: ['id'], many: false }, { path: { id: 'k-1' } }],
    ['a query parameter', { in: 'query', path: ['ids'], many: true }, { query: { a: 1, ids: ['k-1'] } }],
    [
      'a body field',
      { in: 'body', path: ['filter', 'id'], many: false },
      { body: { name: 'n', filter: { id: 'k-1' } } },
    ],
  ])('puts the key in %s', (_, location, expected) => {
    // The parts also remember which key they address, so the run can tell what a delete removed.
    expect(withKey(keyed(location), base, 'k-1')).toEqual({ ...base, ...expected, key: 'k-1' });
    expect(base).toEqual({ path: { id: 'old' }, query: { a: 1 }, headers: {}, body: { name: 'n' } });
  });

  it('leaves the parts alone without a key or a location', () => {
    expect(withKey(keyed({ in: 'path', path: ['id'], many: false }), base, undefined)).toBe(base);
    expect(withKey(makeOperation({ operationId: 'op' }), base, 'k')).toBe(base);
  });
});

describe('jsonMedia and setIn', () => {
  it('prefers application/json, then any JSON type, then the first', () => {
    const media = (...types: string[]) =>
      jsonMedia(
        makeOperation({
          operationId: 'op',
          requestBody: {
            required: true,
            content: types.map((contentType) => ({ contentType, examples: [] })),
          },
        }),
      )?.contentType;
    expect(media('text/plain', 'application/vnd.api+json', 'application/json')).toBe('application/json');
    expect(media('text/plain', 'application/vnd.api+json')).toBe('application/vnd.api+json');
    expect(media('text/csv', 'text/plain')).toBe('text/csv');
    expect(jsonMedia(makeOperation({ operationId: 'none' }))).toBeUndefined();
  });

  it('sets a nested value, replacing what is not an object', () => {
    expect(setIn({ a: 1, b: 'x' }, ['b', 'c'], 2)).toEqual({ a: 1, b: { c: 2 } });
    expect(setIn(undefined, [], 'v')).toBe('v');
  });
});
