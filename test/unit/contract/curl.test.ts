import { maskSecrets, toCurl } from '../../../src/contract/curl';

const SECRET = 's3cr3t key/+"=';

describe('toCurl', () => {
  it('is one line: method, resolved URL, every header, the raw body', () => {
    const curl = toCurl(
      'http://api.test:4010',
      {
        method: 'post',
        path: '/items?limit=10',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: '{"title":"Disk full"}',
      },
      [],
    );
    expect(curl).toBe(
      "curl -sS -X POST 'http://api.test:4010/items?limit=10' -H 'accept: application/json' " +
        `-H 'content-type: application/json' --data-raw '{"title":"Disk full"}'`,
    );
  });

  it('sends no --data-raw without a body', () => {
    expect(toCurl('http://api.test', { method: 'get', path: '/items', headers: {} }, [])).toBe(
      "curl -sS -X GET 'http://api.test/items'",
    );
  });

  it('escapes single quotes for a POSIX shell', () => {
    const curl = toCurl(
      'http://api.test',
      { method: 'post', path: '/items', headers: { 'x-note': "it's" }, body: `{"name":"O'Brien"}` },
      [],
    );
    expect(curl).toBe(
      `curl -sS -X POST 'http://api.test/items' -H 'x-note: it'\\''s' --data-raw '{"name":"O'\\''Brien"}'`,
    );
  });

  it('masks a credential in the URL, the headers and the body', () => {
    const curl = toCurl(
      'http://api.test',
      {
        method: 'get',
        path: `/items?api_key=${new URLSearchParams({ v: SECRET }).toString().slice(2)}&alt=${encodeURIComponent(SECRET)}`,
        headers: { 'x-api-key': SECRET, authorization: `Basic ${Buffer.from(SECRET).toString('base64')}` },
        body: JSON.stringify({ token: SECRET }),
      },
      [SECRET],
    );
    expect(curl).toBe(
      "curl -sS -X GET 'http://api.test/items?api_key=****&alt=****' -H 'x-api-key: ****' " +
        `-H 'authorization: Basic ****' --data-raw '{"token":"****"}'`,
    );
  });
});

describe('maskSecrets', () => {
  it.each<[string, string]>([
    ['as is', `key ${SECRET} end`],
    ['URL-encoded', `?k=${encodeURIComponent(SECRET)}&x=1`],
    ['form-encoded', `?k=${new URLSearchParams({ v: SECRET }).toString().slice(2)}&x=1`],
    ['JSON-escaped', `{"k":${JSON.stringify(SECRET)}}`],
    ['base64 (HTTP Basic)', `Basic ${Buffer.from(SECRET).toString('base64')}`],
  ])('masks a credential %s', (_, text) => {
    const masked = maskSecrets(text, [SECRET]);
    expect(masked).toContain('****');
    expect(masked).not.toContain('s3cr3t');
    expect(masked).not.toContain(Buffer.from(SECRET).toString('base64'));
  });

  it('masks every occurrence of every secret', () => {
    expect(maskSecrets('a=one b=two c=one', ['one', 'two'])).toBe('a=**** b=**** c=****');
  });

  it('masks a secret that contains another one whole', () => {
    expect(maskSecrets('token=abcdef', ['abc', 'abcdef'])).toBe('token=****');
  });

  it('leaves text alone without secrets, and ignores empty ones', () => {
    expect(maskSecrets('nothing to hide', [])).toBe('nothing to hide');
    expect(maskSecrets('nothing to hide', [''])).toBe('nothing to hide');
  });
});
