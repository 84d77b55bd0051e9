import type { JsonSchema } from '../../../../src/openapi/model';
import type { Entity } from '../../../../src/state/store';
import { bodyOf, crudOf } from '../../helpers/crud';
import { CLOCK_START } from '../../helpers/engine-parts';
import { at, makeResource } from '../../helpers/model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const iso = (secondsAfterStart: number) =>
  new Date(CLOCK_START + secondsAfterStart * 1000).toISOString().replace('.000Z', 'Z');

describe('create', () => {
  it('gives uuid keys that differ per entity and are the same on every run', () => {
    const ids = () => {
      const { run } = crudOf(makeResource({ id: { kind: 'uuid' } }));
      return [1, 2, 3].map(() => (bodyOf(run({ action: 'create' }, { body: {} })) as Entity).id);
    };
    const first = ids();
    for (const id of first) expect(id).toMatch(UUID);
    expect(new Set(first).size).toBe(3);
    expect(ids()).toEqual(first);
  });

  it('another seed gives other uuids', () => {
    const idWith = (seed: number) =>
      (bodyOf(crudOf(makeResource(), { seed }).run({ action: 'create' }, { body: {} })) as Entity).id;
    expect(idWith(1)).not.toBe(idWith(2));
  });

  it.each([
    [{ kind: 'sequence', start: 100, step: 10 } as const, [100, 110, 120]],
    [{ kind: 'sequence', start: 1, step: 1 } as const, [1, 2, 3]],
    [
      { kind: 'pattern', pattern: 'INC{n:7}', start: 12345 } as const,
      ['INC0012345', 'INC0012346', 'INC0012347'],
    ],
    [{ kind: 'pattern', pattern: 'ISS-{n}', start: 99 } as const, ['ISS-99', 'ISS-100', 'ISS-101']],
  ])('generates %j keys', (id, expected) => {
    const { run, collection } = crudOf(makeResource({ id }));
    const keys = expected.map(
      () => (bodyOf(run({ action: 'create' }, { body: { id: 'sent' } })) as Entity).id,
    );
    expect(keys).toEqual(expected);
    expect(collection.list().map((e) => e.id)).toEqual(expected);
  });

  it('stores the entity under its key with the request fields, and answers it', () => {
    const { run, collection } = crudOf(makeResource({ id: { kind: 'sequence', start: 1, step: 1 } }));
    const body = bodyOf(run({ action: 'create' }, { body: { title: 'Groceries', tags: ['home'] } }));
    expect(body).toEqual({ id: 1, title: 'Groceries', tags: ['home'] });
    expect(collection.get('1')).toEqual(body);
  });

  it('takes a client-chosen key from the request', () => {
    const { run, collection } = crudOf(makeResource({ key: 'name', id: { kind: 'client' } }));
    expect(bodyOf(run({ action: 'create' }, { body: { name: 'jira', url: 'u' } }))).toEqual({
      name: 'jira',
      url: 'u',
    });
    expect(collection.has('jira')).toBe(true);
  });

  it.each([
    ['missing', {}],
    ['empty', { name: '' }],
  ])('refuses a %s client key', (_, body) => {
    const { run, collection } = crudOf(makeResource({ key: 'name', id: { kind: 'client' } }));
    expect(run({ action: 'create' }, { body })).toEqual({
      kind: 'fail',
      error: 'validation',
      messages: ['name is required'],
    });
    expect(collection.size).toBe(0);
  });

  it('refuses a client key that exists, compared as text, and keeps the stored entity', () => {
    const { run, collection, clock } = crudOf(makeResource({ key: 'id', id: { kind: 'client' } }));
    collection.put(42, { id: 42, v: 'old' });
    expect(run({ action: 'create' }, { body: { id: '42', v: 'new' } })).toEqual({
      kind: 'fail',
      error: 'conflict',
      messages: ["notes '42' already exists"],
    });
    expect(collection.get(42)).toEqual({ id: 42, v: 'old' });
    expect(clock.now()).toBe(CLOCK_START);
  });

  it('fills defaults the request leaves out, and the request wins over them', () => {
    const { run } = crudOf(makeResource({ defaults: { pinned: false, color: 'blue' } }));
    const body = bodyOf(run({ action: 'create' }, { body: { color: 'red' } })) as Entity;
    expect(body).toMatchObject({ pinned: false, color: 'red' });
  });

  it('generates the required fields the schema demands and the request did not give', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['id', 'severity', 'score'],
      properties: {
        id: { type: 'string' },
        severity: { enum: ['low', 'high'] },
        score: { type: 'integer', minimum: 1, maximum: 5 },
        optional: { type: 'string' },
      },
    };
    const { run } = crudOf(makeResource({ schema }));
    const body = bodyOf(run({ action: 'create' }, { body: { severity: 'high' } })) as Entity;
    expect(body.severity).toBe('high');
    expect(body.score).toEqual(expect.any(Number));
    expect(Number.isInteger(body.score) && (body.score as number) >= 1 && (body.score as number) <= 5).toBe(
      true,
    );
    expect(body).not.toHaveProperty('optional');
  });

  it('stamps created and updated with the clock after the write moved it, in the resource format', () => {
    const { run, clock } = crudOf(
      makeResource({ created: 'createdAt', updated: 'updatedAt', clock: 'epoch-s' }),
    );
    const first = bodyOf(run({ action: 'create' }, { body: { createdAt: 1 } })) as Entity;
    const second = bodyOf(run({ action: 'create' }, { body: {} })) as Entity;
    expect(first.createdAt).toBe(CLOCK_START / 1000 + 1);
    expect(first.updatedAt).toBe(first.createdAt);
    expect(second.createdAt).toBe(CLOCK_START / 1000 + 2);
    expect(clock.now()).toBe(CLOCK_START + 2000);
  });

  it('answers the response template with $entity and $id', () => {
    const { run } = crudOf(makeResource({ id: { kind: 'sequence', start: 7, step: 1 } }));
    expect(
      bodyOf(run({ action: 'create', response: { data: '$entity', created: '$id' } }, { body: { a: 1 } })),
    ).toEqual({
      data: { id: 7, a: 1 },
      created: 7,
    });
  });

  it('takes the entity from another request location or a template', () => {
    const { run } = crudOf(makeResource({ id: { kind: 'sequence', start: 1, step: 1 } }));
    expect(
      bodyOf(run({ action: 'create', entity: at('body.note') }, { body: { note: { t: 'x' }, other: 1 } })),
    ).toEqual({
      id: 1,
      t: 'x',
    });
    const templated = run(
      {
        action: 'create',
        entity: { template: { title: '$body.name', level: '$query.level|upper', none: '$body.absent' } },
      },
      { body: { name: 'n' }, query: { level: 'high' } },
    );
    expect(bodyOf(templated)).toEqual({ id: 2, title: 'n', level: 'HIGH' });
  });

  it('a body that is not an object creates an entity with only its key', () => {
    const { run } = crudOf(makeResource({ id: { kind: 'sequence', start: 1, step: 1 } }));
    expect(bodyOf(run({ action: 'create' }, { body: ['a'] }))).toEqual({ id: 1 });
  });

  it('answers secrets masked and keeps them in clear', () => {
    const { run, collection } = crudOf(
      makeResource({ id: { kind: 'sequence', start: 1, step: 1 }, secrets: ['token', 'auth.password'] }),
    );
    const body = bodyOf(
      run({ action: 'create' }, { body: { token: 's3cret', auth: { user: 'u', password: 'p' } } }),
    );
    expect(body).toEqual({ id: 1, token: '********', auth: { user: 'u', password: '********' } });
    expect(collection.get(1)).toEqual({ id: 1, token: 's3cret', auth: { user: 'u', password: 'p' } });
  });

  it('refuses a create into a full collection', () => {
    const { run, collection } = crudOf(makeResource({ id: { kind: 'sequence', start: 1, step: 1 } }), {
      maxSize: 2,
    });
    bodyOf(run({ action: 'create' }, { body: {} }));
    bodyOf(run({ action: 'create' }, { body: {} }));
    expect(run({ action: 'create' }, { body: {} })).toMatchObject({ kind: 'fail', error: 'conflict' });
    expect(collection.size).toBe(2);
  });

  it('a singleton is stored once, replaced by the next create', () => {
    const { run, collection } = crudOf(
      makeResource({ name: 'settings', key: undefined, singleton: true, id: { kind: 'client' } }),
    );
    bodyOf(run({ action: 'create' }, { body: { mode: 'a' } }));
    expect(bodyOf(run({ action: 'create' }, { body: { mode: 'b' } }))).toEqual({ mode: 'b' });
    expect(collection.size).toBe(1);
  });
});

describe('read and exists', () => {
  function seeded() {
    const crud = crudOf(makeResource({ id: { kind: 'sequence', start: 1, step: 1 }, secrets: ['token'] }));
    crud.collection.put(1, { id: 1, name: 'first', token: 't' });
    crud.collection.put(2, { id: 2, name: 'second' });
    return crud;
  }

  it('answers the entity by its key, compared as text, with secrets masked', () => {
    const { run } = seeded();
    expect(bodyOf(run({ action: 'read', id: at('path.id') }, { path: { id: '1' } }))).toEqual({
      id: 1,
      name: 'first',
      token: '********',
    });
  });

  it('finds by another field with `by`', () => {
    const { run } = seeded();
    expect(
      bodyOf(run({ action: 'read', id: at('query.name'), by: 'name' }, { query: { name: 'second' } })),
    ).toEqual({
      id: 2,
      name: 'second',
    });
  });

  it('answers notFound for an unknown id', () => {
    const { run } = seeded();
    expect(run({ action: 'read', id: at('path.id') }, { path: { id: '9' } })).toEqual({
      kind: 'fail',
      error: 'notFound',
      messages: ["notes '9' not found"],
    });
  });

  it.each([
    ['2', true],
    ['3', false],
  ])('exists %s -> %s', (id, present) => {
    const { run } = seeded();
    expect(bodyOf(run({ action: 'exists', id: at('path.id') }, { path: { id } }))).toEqual({ present });
    expect(
      bodyOf(
        run(
          { action: 'exists', id: at('path.id'), response: { found: '$exists', id: '$id' } },
          { path: { id } },
        ),
      ),
    ).toEqual({
      found: present,
      id,
    });
  });
});

describe('list', () => {
  const rows: Entity[] = [
    { id: 1, name: 'Alpha', severity: 'HIGH', score: 10, tags: ['prod', 'web'] },
    { id: 2, name: 'beta', severity: 'low', score: 2, tags: ['dev'] },
    { id: 3, name: 'Alphabet', severity: 'medium', score: 30, tags: [] },
    { id: 4, name: 'gamma', severity: 'high', score: 4 },
  ];
  function seeded() {
    const crud = crudOf(makeResource({ secrets: ['token'] }));
    for (const row of rows) crud.collection.put(row.id, row);
    return crud;
  }
  const ids = (body: unknown) => (body as Entity[]).map((e) => e.id);

  it('answers every entity in listing order by default', () => {
    expect(ids(bodyOf(seeded().run({ action: 'list' })))).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['equals, case-insensitively', 'equals', 'severity', 'high', [1, 4]],
    ['equals an element of an array field', 'equals', 'tags', 'dev', [2]],
    ['prefix', 'prefix', 'name', 'Alpha', [1, 3]],
    ['contains, case-insensitively', 'contains', 'name', 'ALPH', [1, 3]],
    ['in a list', 'in', 'severity', ['low', 'MEDIUM'], [2, 3]],
    ['in, given one value', 'in', 'severity', 'low', [2]],
    ['equals, a number given as text', 'equals', 'score', '10', [1]],
  ] as const)('filters by %s', (_, match, field, wanted, expected) => {
    const { run } = seeded();
    const body = bodyOf(
      run({ action: 'list', filters: [{ param: at('query.q'), field, match }] }, { query: { q: wanted } }),
    );
    expect(ids(body)).toEqual(expected);
  });

  it.each([undefined, '', []])('ignores a filter whose value is %j', (wanted) => {
    const { run } = seeded();
    const body = bodyOf(
      run(
        { action: 'list', filters: [{ param: at('query.q'), field: 'name', match: 'equals' }] },
        { query: { q: wanted } },
      ),
    );
    expect(ids(body)).toEqual([1, 2, 3, 4]);
  });

  it('applies every filter (AND)', () => {
    const { run } = seeded();
    const filters = [
      { param: at('query.sev'), field: 'severity', match: 'equals' as const },
      { param: at('body.name'), field: 'name', match: 'prefix' as const },
    ];
    expect(
      ids(bodyOf(run({ action: 'list', filters }, { query: { sev: 'high' }, body: { name: 'Al' } }))),
    ).toEqual([1]);
  });

  it.each([
    ['score', 'asc', [2, 4, 1, 3]],
    ['score', 'desc', [3, 1, 4, 2]],
    ['name', 'asc', [1, 3, 2, 4]],
    ['name', 'desc', [4, 2, 3, 1]],
  ] as const)('sorts by %s %s', (by, order, expected) => {
    const { run, collection } = seeded();
    expect(ids(bodyOf(run({ action: 'list', sort: { by, order } })))).toEqual(expected);
    // Sorting leaves the stored order as it was.
    expect(collection.list().map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  const paged = (page: object, query: Record<string, unknown>) => {
    const { run } = seeded();
    return bodyOf(
      run(
        {
          action: 'list',
          page: { offset: at('query.offset'), limit: at('query.limit'), ...page },
          response: { items: '$items', page: '$page' },
        },
        { query },
      ),
    ) as { items: Entity[]; page: Record<string, number> };
  };

  it('pages with offset and limit, and says where the page is', () => {
    const body = paged({}, { offset: 1, limit: 2 });
    expect(ids(body.items)).toEqual([2, 3]);
    expect(body.page).toEqual({ offset: 1, limit: 2, total: 4, pages: 2, count: 2 });
  });

  it('the last page may be short, and past the end is empty', () => {
    expect(paged({}, { offset: 3, limit: 2 }).page).toMatchObject({ count: 1, pages: 2 });
    expect(ids(paged({}, { offset: 10, limit: 2 }).items)).toEqual([]);
  });

  it.each([
    ['no limit', {}, { defaultLimit: 3 }, 3],
    ['a zero limit', { limit: 0 }, { defaultLimit: 3 }, 3],
    ['a negative limit', { limit: -1 }, { defaultLimit: 3 }, 3],
    ['a limit that is not a number', { limit: 'x' }, { defaultLimit: 3 }, 3],
    ['a limit over the maximum', { limit: 100 }, { maxLimit: 2 }, 2],
    ['a default over the maximum', {}, { defaultLimit: 10, maxLimit: 2 }, 2],
    ['neither limit nor default', {}, {}, 4],
  ])('with %s the page holds the default or the maximum', (_, query, page, limit) => {
    const body = paged(page, query);
    expect(body.page.limit).toBe(limit);
    expect(body.items).toHaveLength(Math.min(limit, 4));
  });

  it.each([{ offset: -3 }, { offset: 'x' }])('reads a bad offset %j as 0', (query) => {
    expect(paged({}, { ...query, limit: 1 }).page.offset).toBe(0);
  });

  it('a page of an empty collection says one page of none', () => {
    const { run } = crudOf(makeResource());
    expect(bodyOf(run({ action: 'list', response: { page: '$page' } }))).toEqual({
      page: { offset: 0, limit: 1, total: 0, pages: 1, count: 0 },
    });
  });

  it('counts the total after filtering, before paging', () => {
    const { run } = seeded();
    const body = bodyOf(
      run(
        {
          action: 'list',
          filters: [{ param: at('query.sev'), field: 'severity', match: 'equals' }],
          page: { limit: at('query.limit') },
          response: { total: '$page.total', n: '$items|count' },
        },
        { query: { sev: 'HIGH', limit: 1 } },
      ),
    );
    expect(body).toEqual({ total: 2, n: 1 });
  });

  it('masks secrets in the listed entities', () => {
    const { run, collection } = crudOf(makeResource({ secrets: ['token'] }));
    collection.put('a', { id: 'a', token: 'hidden' });
    expect(bodyOf(run({ action: 'list' }))).toEqual([{ id: 'a', token: '********' }]);
  });
});

describe('update', () => {
  function seeded() {
    const crud = crudOf(
      makeResource({
        secrets: ['token', 'auth.secret'],
        created: 'createdAt',
        updated: 'updatedAt',
        clock: 'iso',
      }),
    );
    crud.collection.put('n1', {
      id: 'n1',
      title: 'old',
      body: 'keep me',
      token: 'stored-token',
      auth: { user: 'u', secret: 'stored-secret' },
      createdAt: 'then',
      updatedAt: 'then',
    });
    return crud;
  }
  const update = (mock: object = {}) => ({ action: 'update' as const, id: at('path.id'), ...mock });

  it('changes the given fields and keeps the others; created stays, updated moves', () => {
    const { run, collection } = seeded();
    const body = bodyOf(run(update(), { path: { id: 'n1' }, body: { title: 'new' } }));
    expect(body).toMatchObject({
      id: 'n1',
      title: 'new',
      body: 'keep me',
      createdAt: 'then',
      updatedAt: iso(1),
    });
    expect(collection.get('n1')).toMatchObject({ title: 'new', body: 'keep me', token: 'stored-token' });
  });

  it('never changes the key', () => {
    const { run, collection } = seeded();
    expect(bodyOf(run(update(), { path: { id: 'n1' }, body: { id: 'other', title: 't' } }))).toMatchObject({
      id: 'n1',
    });
    expect(collection.has('other')).toBe(false);
    expect(collection.size).toBe(1);
  });

  it('clears the fields `unset` names, but never the key, and does not store the instruction', () => {
    const { run, collection } = seeded();
    const body = bodyOf(
      run(update({ unset: at('body.attributes_to_delete') }), {
        path: { id: 'n1' },
        body: { title: 't', attributes_to_delete: ['body', 'id'] },
      }),
    ) as Entity;
    expect(body).not.toHaveProperty('body');
    expect(body).not.toHaveProperty('attributes_to_delete');
    expect(body.id).toBe('n1');
    expect(collection.get('n1')).not.toHaveProperty('body');
  });

  it.each([
    ['the mask', '********'],
    ['a longer mask', '********abcd'],
    ['an empty string', ''],
    ['null', null],
  ])('a secret sent back as %s keeps the stored one', (_, sent) => {
    const { run, collection } = seeded();
    const body = bodyOf(
      run(update(), { path: { id: 'n1' }, body: { token: sent, auth: { user: 'v', secret: sent } } }),
    );
    expect(body).toMatchObject({ token: '********', auth: { user: 'v', secret: '********' } });
    expect(collection.get('n1')).toMatchObject({
      token: 'stored-token',
      auth: { user: 'v', secret: 'stored-secret' },
    });
  });

  it('a new secret replaces the stored one', () => {
    const { run, collection } = seeded();
    bodyOf(run(update(), { path: { id: 'n1' }, body: { token: 'fresh' } }));
    expect(collection.get('n1')?.token).toBe('fresh');
  });

  it('answers notFound for an unknown id and changes nothing', () => {
    const { run, collection, clock, store } = seeded();
    const revision = store.revision;
    expect(run(update(), { path: { id: 'zz' }, body: { title: 't' } })).toEqual({
      kind: 'fail',
      error: 'notFound',
      messages: ["notes 'zz' not found"],
    });
    expect(collection.get('n1')?.title).toBe('old');
    expect(clock.now()).toBe(CLOCK_START);
    expect(store.revision).toBe(revision);
  });

  it('keeps the entity in its place in the listing', () => {
    const { run, collection } = seeded();
    collection.put('n2', { id: 'n2' });
    bodyOf(run(update(), { path: { id: 'n1' }, body: { title: 'moved?' } }));
    expect(collection.list().map((e) => e.id)).toEqual(['n1', 'n2']);
  });
});

describe('upsert', () => {
  it('creates with the key from the request when absent, then updates it', () => {
    const { run, collection } = crudOf(makeResource({ defaults: { on: true } }));
    const upsert = { action: 'upsert' as const, id: at('path.id') };
    expect(bodyOf(run(upsert, { path: { id: 'k' }, body: { a: 1 } }))).toEqual({ id: 'k', a: 1, on: true });
    expect(bodyOf(run(upsert, { path: { id: 'k' }, body: { b: 2 } }))).toEqual({
      id: 'k',
      a: 1,
      b: 2,
      on: true,
    });
    expect(collection.size).toBe(1);
  });

  it('generates a key when the request gives none', () => {
    const { run, collection } = crudOf(makeResource({ id: { kind: 'sequence', start: 5, step: 1 } }));
    expect(bodyOf(run({ action: 'upsert', id: at('path.id') }, { body: { a: 1 } }))).toEqual({ id: 5, a: 1 });
    expect(collection.has(5)).toBe(true);
  });

  it('a singleton is created once, then merged into', () => {
    const { run, collection } = crudOf(makeResource({ name: 'settings', key: undefined, singleton: true }));
    bodyOf(run({ action: 'upsert' }, { body: { a: 1 } }));
    expect(bodyOf(run({ action: 'upsert' }, { body: { b: 2 } }))).toEqual({ a: 1, b: 2 });
    expect(collection.size).toBe(1);
  });
});

describe('delete', () => {
  function seeded() {
    const crud = crudOf(makeResource());
    for (const id of ['a', 'b', 'c']) crud.collection.put(id, { id });
    return crud;
  }
  const keys = (crud: ReturnType<typeof seeded>) => crud.collection.list().map((e) => e.id);

  it('removes one entity', () => {
    const crud = seeded();
    expect(bodyOf(crud.run({ action: 'delete', id: at('path.id') }, { path: { id: 'b' } }))).toEqual({});
    expect(keys(crud)).toEqual(['a', 'c']);
  });

  it('answers the deleted entity and ids through a template', () => {
    const crud = seeded();
    const body = bodyOf(
      crud.run(
        { action: 'delete', id: at('path.id'), response: { gone: '$entity', id: '$id' } },
        { path: { id: 'a' } },
      ),
    );
    expect(body).toEqual({ gone: { id: 'a' }, id: 'a' });
  });

  it('removes every id of a list', () => {
    const crud = seeded();
    bodyOf(
      crud.run(
        { action: 'delete', id: at('body.ids[]'), response: { ids: '$id' } },
        { body: { ids: ['a', 'c'] } },
      ),
    );
    expect(keys(crud)).toEqual(['b']);
  });

  it('removes all or nothing: one unknown id refuses the whole request', () => {
    const crud = seeded();
    const revision = crud.store.revision;
    expect(
      crud.run({ action: 'delete', id: at('body.ids[]') }, { body: { ids: ['a', 'x', 'c', 'y'] } }),
    ).toEqual({
      kind: 'fail',
      error: 'notFound',
      messages: ["notes 'x' not found", "notes 'y' not found"],
    });
    expect(keys(crud)).toEqual(['a', 'b', 'c']);
    expect(crud.store.revision).toBe(revision);
  });

  it('answers notFound for an unknown single id', () => {
    expect(seeded().run({ action: 'delete', id: at('path.id') }, { path: { id: 'q' } })).toMatchObject({
      kind: 'fail',
      error: 'notFound',
    });
  });

  it('empties a singleton', () => {
    const crud = crudOf(makeResource({ name: 'settings', key: undefined, singleton: true }));
    crud.collection.put('$', { mode: 'x' });
    expect(bodyOf(crud.run({ action: 'delete', response: { was: '$entity' } }))).toEqual({
      was: { mode: 'x' },
    });
    expect(crud.collection.size).toBe(0);
  });
});
