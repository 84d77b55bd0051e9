import { copyAnswer, ReadCache, type CachedAnswer } from '../../../../src/mock/services/read-cache';
import { plainRequest } from '../../helpers/requests';

function answer(status = 200, body: unknown = { ok: true }): CachedAnswer {
  return {
    response: { status, headers: { 'content-type': 'application/json' }, body },
    responseViolations: [],
    departures: [],
  };
}

describe('ReadCache', () => {
  const cache = () => new ReadCache();

  it('gives the same key to the same request, whatever the order of its query parameters', () => {
    const c = cache();
    const a = c.keyOf(plainRequest({ query: { a: '1', b: ['2', '3'] } }));
    const b = c.keyOf(plainRequest({ query: { b: ['2', '3'], a: '1' } }));
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it.each([
    ['method', { method: 'post' as const }],
    ['path', { path: '/other' }],
    ['query', { query: { a: '2' } }],
    ['repeated query value', { query: { a: ['1', '1'] } }],
    ['body', { rawBody: '{"x":1}' }],
    ['content type', { headers: { 'content-type': 'text/plain' } }],
    ['credential header', { headers: { 'x-api-key': 'other' } }],
    ['authorization', { headers: { authorization: 'Bearer t' } }],
    ['a header parameter', { headers: { 'x-tenant': 'acme' } }],
    ['a cookie', { headers: { cookie: 'session=1' } }],
  ])('tells requests apart by %s', (_, change) => {
    const c = cache();
    const base = plainRequest({ query: { a: '1' } });
    expect(c.keyOf({ ...base, ...change })).not.toBe(c.keyOf(base));
  });

  it.each([
    ['user-agent', { 'user-agent': 'curl/8' }],
    ['accept-encoding', { 'accept-encoding': 'gzip' }],
    ['a browser sec- header', { 'sec-fetch-mode': 'cors' }],
    ['connection', { connection: 'keep-alive' }],
  ])('keeps one answer whatever the %s header (it cannot change an answer)', (_, headers) => {
    const c = cache();
    const base = plainRequest({ headers: { authorization: 'Bearer t' } });
    expect(c.keyOf({ ...base, headers: { ...base.headers, ...headers } })).toBe(c.keyOf(base));
  });

  it.each([
    ['a Prefer header', plainRequest({ headers: { prefer: 'code=404' } })],
    ['an empty Prefer header', plainRequest({ headers: { prefer: '' } })],
    ['a body problem', plainRequest({ bodyProblem: { kind: 'tooLarge', message: 'too large' } })],
    ['an unreadable body', plainRequest({ bodyProblem: { kind: 'unreadable', message: 'bad charset' } })],
  ])('never caches a request with %s', (_, request) => {
    expect(cache().keyOf(request)).toBeUndefined();
  });

  it('answers what was set at the same revision', () => {
    const c = cache();
    const stored = answer();
    c.set('k', 3, stored);
    expect(c.get('k', 3)).toBe(stored);
    expect(c.get('other', 3)).toBeUndefined();
  });

  it('empties itself when the revision changes', () => {
    const c = cache();
    c.set('a', 1, answer());
    c.set('b', 1, answer());
    expect(c.size).toBe(2);
    expect(c.get('a', 2)).toBeUndefined();
    expect(c.size).toBe(0);
    // Even going back to the old revision finds nothing.
    expect(c.get('b', 1)).toBeUndefined();
  });

  it('says whether it holds answers for a revision, and forgets older ones when asked', () => {
    const c = cache();
    expect(c.holdsAnswersFor(1)).toBe(false);
    c.set('a', 1, answer());
    expect(c.holdsAnswersFor(1)).toBe(true);
    expect(c.holdsAnswersFor(2)).toBe(false);
    expect(c.size).toBe(0);
    expect(c.get('a', 1)).toBeUndefined();
  });

  it('a set at a new revision drops the answers of the old one', () => {
    const c = cache();
    c.set('a', 1, answer());
    c.set('b', 2, answer());
    expect(c.get('a', 2)).toBeUndefined();
    expect(c.get('b', 2)).toBeDefined();
    expect(c.size).toBe(1);
  });

  it('never holds more than its bound', () => {
    const c = new ReadCache(3);
    for (let i = 0; i < 10; i++) {
      c.set(`k${i}`, 0, answer());
      expect(c.size).toBeLessThanOrEqual(3);
    }
    expect(c.get('k9', 0)).toBeDefined();
  });

  it('holds at most its budget of characters, and never an answer larger than a tenth of it', () => {
    const c = new ReadCache(100, 1_000);
    const sized = (chars: number): CachedAnswer => ({
      ...answer(),
      response: { ...answer().response, text: 'x'.repeat(chars) },
    });
    c.set('huge', 0, sized(150));
    expect(c.get('huge', 0)).toBeUndefined();
    for (let i = 0; i < 10; i++) c.set(`k${i}`, 0, sized(90));
    expect(c.size).toBe(10);
    c.set('k10', 0, sized(90));
    // The eleventh would pass 1,000 characters: the cache starts again with it alone.
    expect(c.size).toBe(1);
    expect(c.get('k10', 0)).toBeDefined();
  });

  it('clear() empties it', () => {
    const c = cache();
    c.set('a', 0, answer());
    c.clear();
    expect(c.get('a', 0)).toBeUndefined();
  });
});

describe('copyAnswer', () => {
  it('gives a response whose headers can be decorated without touching the cached one', () => {
    const cached = answer();
    const copy = copyAnswer(cached);
    copy.headers['x-extra'] = '1';
    expect(copy).toMatchObject({ status: 200, body: { ok: true } });
    expect(cached.response.headers).toEqual({ 'content-type': 'application/json' });
  });
});
