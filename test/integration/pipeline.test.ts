import { tinyMock, TINY_KEY } from '../helpers/mock';

describe('the request pipeline on a small spec', () => {
  it('creates, reads, lists, updates and deletes a note; a deleted note is 404', async () => {
    const { http } = await tinyMock();
    const created = await http
      .post('/notes')
      .set(TINY_KEY)
      .send({ title: 'Groceries', tags: ['home'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Groceries', tags: ['home'], pinned: false });
    const id = created.body.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect((await http.get(`/notes/${id}`).set(TINY_KEY)).body).toEqual(created.body);
    const listed = await http.get('/notes').set(TINY_KEY);
    expect(listed.body).toEqual({ notes: [created.body], total: 1 });

    const updated = await http.patch(`/notes/${id}`).set(TINY_KEY).send({ pinned: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, title: 'Groceries', pinned: true });
    expect(updated.body.updatedAt > created.body.updatedAt).toBe(true);

    expect((await http.delete(`/notes/${id}`).set(TINY_KEY)).status).toBe(204);
    const gone = await http.get(`/notes/${id}`).set(TINY_KEY);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ error: { message: `notes '${id}' not found` } });
    expect((await http.get('/notes').set(TINY_KEY)).body).toEqual({ notes: [], total: 0 });
  });

  it('filters and pages lists as the annotation says', async () => {
    const { http } = await tinyMock();
    for (const [title, tag] of [
      ['a', 'x'],
      ['b', 'y'],
      ['c', 'x'],
      ['d', 'x'],
    ]) {
      await http
        .post('/notes')
        .set(TINY_KEY)
        .send({ title, tags: [tag] });
    }
    const tagged = await http.get('/notes?tag=x&limit=2&offset=1').set(TINY_KEY);
    expect(tagged.body.total).toBe(3);
    expect(tagged.body.notes.map((n: { title: string }) => n.title)).toEqual(['c', 'd']);
  });

  it('refuses missing and wrong credentials in the spec envelope', async () => {
    const { http } = await tinyMock();
    const missing = await http.get('/notes');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: { message: "Missing credentials: send the header 'x-api-key'." } });
    const wrong = await http.get('/notes').set('x-api-key', 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe("Invalid or expired credentials in the header 'x-api-key'.");
  });

  it('lists every request violation with its path', async () => {
    const { http } = await tinyMock();
    const response = await http.post('/notes').set(TINY_KEY).send({ body: 7, tags: 'home', pinned: 'yes' });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      'body.title: is required',
      'body.body: must be string',
      'body.tags: must be array',
      'body.pinned: must be boolean',
    ]);
    const query = await http.get('/notes?limit=0&offset=-1').set(TINY_KEY);
    expect(query.body.error.details).toEqual(['query.offset: must be >= 0', 'query.limit: must be >= 1']);
  });

  it('refuses malformed JSON, a wrong content type and a missing body', async () => {
    const { http } = await tinyMock();
    const malformed = await http
      .post('/notes')
      .set(TINY_KEY)
      .set('content-type', 'application/json')
      .send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0]).toMatch(/^body: is not valid JSON/);
    const text = await http.post('/notes').set(TINY_KEY).set('content-type', 'text/plain').send('title=x');
    expect(text.body.error.details).toEqual([
      "header.content-type: 'text/plain' is not accepted; send application/json",
    ]);
    const empty = await http.post('/notes').set(TINY_KEY);
    expect(empty.body.error.details).toEqual(['body: is required']);
  });

  it('answers 404 for unknown paths and 405 with Allow for a wrong method', async () => {
    const { http } = await tinyMock();
    expect((await http.get('/nope').set(TINY_KEY)).status).toBe(404);
    const wrongMethod = await http.put('/notes').set(TINY_KEY);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET, POST');
  });

  it.each(['QUERY', 'SEARCH', 'PROPFIND', 'MKCOL', 'HEAD'])(
    'refuses %s on a path that has a GET with 405, and logs it under its own name',
    async (method) => {
      const { http } = await tinyMock();
      // supertest has a function for every method node knows, but its types name only the common ones.
      const send = (http as unknown as Record<string, (path: string) => ReturnType<typeof http.get>>)[
        method.toLowerCase()
      ];
      const answer = await send('/notes').set(TINY_KEY);
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('GET, POST');
      const log = await http.get('/__secmock/requests');
      expect(log.body.requests.at(-1)).toMatchObject({ method, path: '/notes', status: 405 });
    },
  );

  it('answers 413 in the spec envelope for a body over the limit, and keeps what is stored', async () => {
    const { http } = await tinyMock({ bodyLimit: 200 });
    await http.post('/notes').set(TINY_KEY).send({ title: 'kept' });
    const big = await http
      .post('/notes')
      .set(TINY_KEY)
      .send({ title: 'x'.repeat(500) });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('request body is larger than the limit (200)');
    expect((await http.get('/notes').set(TINY_KEY)).body.total).toBe(1);
  });

  it('honours Prefer: code, example and dynamic', async () => {
    const { http } = await tinyMock();
    const forced = await http.get('/notes/abc').set(TINY_KEY).set('Prefer', 'code=400');
    expect(forced.status).toBe(400);
    expect(forced.body).toHaveProperty('error.message');
    const undocumented = await http.get('/notes').set(TINY_KEY).set('Prefer', 'code=418');
    expect(undocumented.status).toBe(400);
    expect(undocumented.body.error.message).toBe('Prefer: status 418 is not documented for listNotes');
    const dynamic = await http.get('/notes').set(TINY_KEY).set('Prefer', 'dynamic=true');
    expect(dynamic.status).toBe(200);
    expect(Array.isArray(dynamic.body.notes)).toBe(true);
    expect(dynamic.headers['x-secmock-violations']).toBeUndefined();
  });

  it('answers CORS preflights and exposes its diagnostic headers', async () => {
    const { http } = await tinyMock();
    const preflight = await http
      .options('/notes')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'x-api-key, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-headers']).toBe('x-api-key, content-type');
    const actual = await http.get('/notes').set(TINY_KEY).set('Origin', 'http://localhost:5173');
    expect(actual.headers['access-control-expose-headers']).toContain('x-secmock-operation');
  });
});

describe('answers to reads are reused until the next write', () => {
  it('serves a repeated read, then reflects a write, a scenario and a Prefer header at once', async () => {
    const { http } = await tinyMock();
    await http.post('/notes').set(TINY_KEY).send({ title: 'first' });
    const first = await http.get('/notes').set(TINY_KEY);
    const again = await http.get('/notes').set(TINY_KEY);
    // The kept answer goes out as bytes encoded once: the same body and the same headers (charset included).
    expect(again.text).toBe(first.text);
    const { date: _firstDate, ...firstHeaders } = first.headers;
    const { date: _againDate, ...againHeaders } = again.headers;
    expect(againHeaders).toEqual(firstHeaders);
    expect(againHeaders['content-type']).toBe('application/json; charset=utf-8');
    await http.post('/notes').set(TINY_KEY).send({ title: 'second' });
    expect((await http.get('/notes').set(TINY_KEY)).body.total).toBe(2);
    await http
      .post('/__secmock/scenarios')
      .send({ operationId: 'listNotes', status: 400, body: { error: { message: 'forced' } } });
    expect((await http.get('/notes').set(TINY_KEY)).status).toBe(400);
    expect((await http.get('/notes').set(TINY_KEY).set('Prefer', 'code=401')).status).toBe(401);
    expect((await http.get('/notes').set('x-api-key', 'wrong')).status).toBe(401);
  });
});
