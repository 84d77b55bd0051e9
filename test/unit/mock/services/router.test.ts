import type { HttpMethod } from '../../../../src/http/types';
import { Router } from '../../../../src/mock/services/router';

/** A router whose values name the route they came from: `GET /alerts/{uuid}`. */
function routerOf(routes: Array<[HttpMethod, string]>): Router<string> {
  const router = new Router<string>();
  for (const [method, path] of routes) router.add(method, path, `${method.toUpperCase()} ${path}`);
  return router;
}

describe('Router', () => {
  const router = routerOf([
    ['get', '/alerts'],
    ['post', '/alerts'],
    ['get', '/alerts/{uuid}'],
    ['delete', '/alerts/{uuid}'],
    ['get', '/alerts/investigation_actions'],
    ['get', '/users/{userId}/keys/{keyId}'],
    ['get', '/'],
  ]);

  it.each([
    ['get', '/alerts', 'GET /alerts', {}],
    ['post', '/alerts', 'POST /alerts', {}],
    ['get', '/alerts/abc-123', 'GET /alerts/{uuid}', { uuid: 'abc-123' }],
    ['get', '/alerts/investigation_actions', 'GET /alerts/investigation_actions', {}],
    ['get', '/users/u1/keys/k2', 'GET /users/{userId}/keys/{keyId}', { userId: 'u1', keyId: 'k2' }],
    ['get', '/', 'GET /', {}],
  ] as Array<[HttpMethod, string, string, Record<string, string>]>)(
    '%s %s matches %s',
    (method, path, expected, params) => {
      expect(router.match(method, path)).toEqual({ kind: 'match', value: expected, params });
    },
  );

  it('prefers the more specific path whatever the order the routes were added in', () => {
    const reversed = routerOf([
      ['get', '/alerts/{uuid}'],
      ['get', '/alerts/investigation_actions'],
    ]);
    expect(reversed.match('get', '/alerts/investigation_actions')).toMatchObject({
      value: 'GET /alerts/investigation_actions',
    });
    const templates = routerOf([
      ['get', '/a/{x}/{y}'],
      ['get', '/a/{x}/details'],
    ]);
    expect(templates.match('get', '/a/1/details')).toMatchObject({ value: 'GET /a/{x}/details' });
    expect(templates.match('get', '/a/1/other')).toMatchObject({
      value: 'GET /a/{x}/{y}',
      params: { x: '1', y: 'other' },
    });
  });

  it('answers 405 with the sorted Allow list of the path', () => {
    expect(router.match('delete', '/alerts')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'POST'],
      sample: 'GET /alerts',
    });
    const single = routerOf([['patch', '/rules/{id}']]);
    expect(single.match('get', '/rules/r1')).toEqual({
      kind: 'method-not-allowed',
      allow: ['PATCH'],
      sample: 'PATCH /rules/{id}',
    });
  });

  it.each(['/nope', '/alerts/a/b', '/users/u1/keys', '/alertsx'])('%s is not found', (path) => {
    expect(router.match('get', path)).toEqual({ kind: 'not-found' });
  });

  it('ignores one trailing slash on the request and on the template', () => {
    expect(router.match('get', '/alerts/')).toMatchObject({ kind: 'match', value: 'GET /alerts' });
    expect(router.match('get', '/alerts/x1/')).toMatchObject({ kind: 'match', params: { uuid: 'x1' } });
    const slashed = routerOf([['get', '/reports/']]);
    expect(slashed.match('get', '/reports')).toMatchObject({ kind: 'match', value: 'GET /reports/' });
  });

  it('decodes path parameters, and keeps a malformed escape as sent', () => {
    expect(router.match('get', '/alerts/a%20b%2Fc')).toMatchObject({ params: { uuid: 'a b/c' } });
    expect(router.match('get', '/alerts/%E0%A4%A')).toMatchObject({
      kind: 'match',
      params: { uuid: '%E0%A4%A' },
    });
    expect(router.match('get', '/alerts/100%')).toMatchObject({ params: { uuid: '100%' } });
  });

  it('escapes regular-expression characters of a template', () => {
    const dotted = routerOf([['get', '/files/{name}.json']]);
    expect(dotted.match('get', '/files/report.json')).toMatchObject({ params: { name: 'report' } });
    expect(dotted.match('get', '/files/reportxjson')).toEqual({ kind: 'not-found' });
  });

  it('lets a less specific template take a method the more specific one lacks', () => {
    const mixed = routerOf([
      ['get', '/a/{x}/b'],
      ['post', '/a/{y}/{z}'],
    ]);
    expect(mixed.match('post', '/a/1/b')).toEqual({
      kind: 'match',
      value: 'POST /a/{y}/{z}',
      params: { y: '1', z: 'b' },
    });
    expect(mixed.match('get', '/a/1/b')).toMatchObject({ value: 'GET /a/{x}/b' });
    expect(mixed.match('put', '/a/1/b')).toMatchObject({ kind: 'method-not-allowed' });
  });

  it('routes each method of one template to its own value', () => {
    const renamed = routerOf([
      ['get', '/items/{id}'],
      ['patch', '/items/{id}'],
      ['delete', '/items/{id}'],
    ]);
    expect(renamed.match('get', '/items/9')).toMatchObject({ value: 'GET /items/{id}', params: { id: '9' } });
    expect(renamed.match('patch', '/items/9')).toMatchObject({ value: 'PATCH /items/{id}' });
    expect(renamed.match('delete', '/items/9')).toMatchObject({ value: 'DELETE /items/{id}' });
    expect(renamed.match('put', '/items/9')).toMatchObject({ kind: 'method-not-allowed' });
  });

  it('answers 405 with every method of a templated path in Allow', () => {
    const notes = routerOf([
      ['get', '/notes/{id}'],
      ['patch', '/notes/{id}'],
      ['delete', '/notes/{id}'],
    ]);
    expect(notes.match('put', '/notes/x')).toMatchObject({
      kind: 'method-not-allowed',
      allow: ['DELETE', 'GET', 'PATCH'],
    });
  });

  it('keeps each method its own parameter names on one template', () => {
    const named = routerOf([
      ['get', '/items/{id}'],
      ['delete', '/items/{itemId}'],
    ]);
    expect(named.match('get', '/items/7')).toMatchObject({ params: { id: '7' } });
    expect(named.match('delete', '/items/7')).toMatchObject({ params: { itemId: '7' } });
  });

  it('lets a template take a method the static path that also matches lacks', () => {
    const search = routerOf([
      ['post', '/a/search'],
      ['get', '/a/{id}'],
    ]);
    expect(search.match('get', '/a/search')).toMatchObject({
      value: 'GET /a/{id}',
      params: { id: 'search' },
    });
    expect(search.match('post', '/a/search')).toMatchObject({ value: 'POST /a/search' });
    expect(search.match('put', '/a/search')).toMatchObject({ kind: 'method-not-allowed', allow: ['POST'] });
  });

  it('adding the same method twice keeps the last value', () => {
    const twice = new Router<number>();
    twice.add('get', '/x', 1);
    twice.add('get', '/x', 2);
    expect(twice.match('get', '/x')).toMatchObject({ value: 2 });
  });
});
