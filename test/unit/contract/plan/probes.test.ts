import {
  clockValue,
  filterValue,
  listShape,
  schemaOf,
  unknownKey,
  walkSize,
  windowAround,
} from '../../../../src/contract/plan/probes';
import { createFaker } from '../../../../src/generate';
import type { JsonSchema, ListFilter, Operation } from '../../../../src/openapi';
import { SchemaCompiler } from '../../../../src/schema';
import { at } from '../../helpers/model';
import { jsonContent, makeOperation, makeResource, parameter } from '../helpers';

const validators = new SchemaCompiler();
const faker = () => createFaker(7);

describe('listShape', () => {
  it('says where the items and every stated page number are, and the key that tells items apart', () => {
    const list = makeOperation({
      operationId: 'listIncidents',
      mock: {
        action: 'list',
        response: {
          data: '$items',
          meta: { total: '$page.total', per_page: '$page.limit', pages: '$page.pages' },
        },
      },
    });
    expect(listShape(list, makeResource({ name: 'incident', key: 'incident_id' }))).toEqual({
      itemsPointer: ['data'],
      total: ['meta', 'total'],
      perPage: ['meta', 'per_page'],
      pages: ['meta', 'pages'],
      keyField: 'incident_id',
    });
  });

  it('has only the items of a bare list, and no key field without a keyed resource', () => {
    const list = makeOperation({ operationId: 'listAudit', mock: { action: 'list' } });
    expect(listShape(list, undefined)).toEqual({ itemsPointer: [] });
    expect(listShape(list, makeResource({ name: 'audit', key: undefined }))).toEqual({ itemsPointer: [] });
  });

  it('has none for an answer without items', () => {
    const count = makeOperation({
      operationId: 'countIncidents',
      mock: { action: 'list', response: { n: '$total' } },
    });
    expect(listShape(count, makeResource({ name: 'incident' }))).toBeUndefined();
  });
});

describe('walkSize', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [9, 3],
    [10, 4],
    [75, 25],
    [76, 25],
    [10_000, 25],
  ])('walks a total of %i at %i per page', (total, size) => {
    expect(walkSize(total)).toBe(size);
  });
});

const STATUS: JsonSchema = { type: 'string', enum: ['new', 'in_progress', 'closed'] };
const search = (init: { parameters?: Operation['parameters']; body?: JsonSchema } = {}) =>
  makeOperation({
    operationId: 'searchIncidents',
    method: 'post',
    path: '/incidents/search',
    parameters: init.parameters ?? [],
    ...(init.body ? { requestBody: { required: true, content: [jsonContent(init.body)] } } : {}),
    mock: { action: 'list' },
  });

describe('schemaOf', () => {
  const operation = search({
    parameters: [
      parameter('status', 'query', STATUS),
      parameter('X-Tenant', 'header', { type: 'string', format: 'uuid' }),
      parameter('id', 'path', { type: 'integer' }),
    ],
    body: {
      type: 'object',
      properties: { owner: { type: 'object', properties: { name: { type: 'string', maxLength: 9 } } } },
    },
  });

  it.each<[string, JsonSchema | undefined]>([
    ['query.status', STATUS],
    ['headers.X-Tenant', { type: 'string', format: 'uuid' }],
    ['path.id', { type: 'integer' }],
    ['body.owner.name', { type: 'string', maxLength: 9 }],
    ['body.owner.email', undefined],
    ['body.title.deeper', undefined],
    ['query.missing', undefined],
  ])('%s', (location, schema) => {
    expect(schemaOf(operation, at(location))).toEqual(schema);
  });

  it('finds no body schema for an operation without a body', () => {
    expect(schemaOf(search(), at('body.owner'))).toBeUndefined();
  });
});

describe('filterValue', () => {
  const filter = (param: string, field: string, match: ListFilter['match'] = 'equals'): ListFilter => ({
    param: at(param),
    field,
    match,
  });
  const operation = search({
    parameters: [
      parameter('status', 'query', STATUS),
      parameter('statuses', 'query', { type: 'array', items: STATUS }),
      parameter('level', 'query', { type: 'integer', minimum: 1 }),
      parameter('code', 'query', { type: 'string' }),
      parameter('short', 'query', { type: 'string', maxLength: 3 }),
    ],
    body: {
      type: 'object',
      properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
    },
  });
  const value = (f: ListFilter, items: Array<Record<string, unknown>>) =>
    filterValue(operation, f, items, validators);

  it.each<[string, ListFilter, Array<Record<string, unknown>>, unknown]>([
    [
      'the first item’s value',
      filter('body.title', 'title'),
      [{ title: 'Disk full' }, { title: 'CPU' }],
      'Disk full',
    ],
    [
      'the first item with a usable value',
      filter('body.title', 'title'),
      [{}, { title: '' }, { title: null }, { title: { a: 1 } }, { title: 'CPU' }],
      'CPU',
    ],
    ['a boolean', filter('query.undeclared', 'active'), [{ active: false }], false],
    ['the first value of a list field', filter('body.tags', 'tags'), [{ tags: ['prod', 'eu'] }], ['prod']],
    [
      'the enum’s spelling of the value',
      filter('query.status', 'status'),
      [{ status: 'In Progress' }],
      'in_progress',
    ],
    ['an enum value in another case', filter('query.status', 'status'), [{ status: 'CLOSED' }], 'closed'],
    [
      'the enum’s spelling for `in` on a single-value parameter',
      filter('query.status', 'status', 'in'),
      [{ status: 'In Progress' }],
      'in_progress',
    ],
    [
      'a list of one for `in` on a list parameter',
      filter('query.statuses', 'status', 'in'),
      [{ status: 'In Progress' }],
      ['in_progress'],
    ],
    ['a list of one for a list parameter', filter('query.statuses', 'status'), [{ status: 'new' }], ['new']],
    [
      'half of the text for `prefix`',
      filter('body.title', 'title', 'prefix'),
      [{ title: 'Disk full' }],
      'Disk ',
    ],
    ['a number read from text', filter('query.level', 'level'), [{ level: '3' }], 3],
    ['text made of a number', filter('query.code', 'code'), [{ code: 42 }], '42'],
    [
      'a value the parameter declares nothing about',
      filter('query.undeclared', 'owner'),
      [{ owner: 'ops' }],
      'ops',
    ],
  ])('%s', (_, f, items, expected) => {
    expect(value(f, items)).toEqual(expected);
  });

  it.each<[string, ListFilter, Array<Record<string, unknown>>]>([
    ['no items', filter('body.title', 'title'), []],
    ['no item with a usable value', filter('body.title', 'title'), [{ title: '' }, { title: null }, {}]],
    ['a value none of the enum’s', filter('query.status', 'status'), [{ status: 'reopened' }]],
    ['a value its schema refuses', filter('query.short', 'code'), [{ code: 'long text' }]],
    ['a number its schema refuses', filter('query.level', 'level'), [{ level: 0 }]],
    ['text that is no number for a number', filter('query.level', 'level'), [{ level: 'high' }]],
  ])('none for %s', (_, f, items) => {
    expect(value(f, items)).toBeUndefined();
  });
});

describe('windowAround', () => {
  const iso = (day: number) => `2025-01-${String(day).padStart(2, '0')}T00:00:00Z`;
  const ms = (day: number) => Date.UTC(2025, 0, day);

  it('spans the second to the third quarter of the distinct times, in order', () => {
    const items = [8, 1, 4, 2, 6, 3, 7, 5].map((day) => ({ at: iso(day) }));
    expect(windowAround(items, 'at', 'iso')).toEqual({ from: ms(3), to: ms(6) });
    expect(
      windowAround(
        [4, 1, 3, 2].map((day) => ({ at: iso(day) })),
        'at',
        'iso',
      ),
    ).toEqual({ from: ms(2), to: ms(3) });
  });

  it('reads the times in the resource’s clock', () => {
    const items = [1, 2, 3, 4].map((day) => ({ at: ms(day) / 1000 }));
    expect(windowAround(items, 'at', 'epoch-s')).toEqual({ from: ms(2), to: ms(3) });
    const sql = [1, 2, 3, 4].map((day) => ({ at: `2025-01-0${day} 00:00:00` }));
    expect(windowAround(sql, 'at', 'sql')).toEqual({ from: ms(2), to: ms(3) });
  });

  it('has none with fewer than four distinct times', () => {
    const repeated = [1, 1, 2, 2, 3, 3].map((day) => ({ at: iso(day) }));
    expect(windowAround(repeated, 'at', 'iso')).toBeUndefined();
    const unreadable = [{ at: iso(1) }, { at: 'soon' }, { at: null }, {}, { at: iso(2) }, { at: iso(3) }];
    expect(windowAround(unreadable, 'at', 'iso')).toBeUndefined();
    expect(windowAround([], 'at', 'iso')).toBeUndefined();
  });
});

describe('clockValue', () => {
  const instant = Date.UTC(2025, 0, 2, 3, 4, 5, 600);

  it.each<[Parameters<typeof clockValue>[1], 'from' | 'to', unknown]>([
    ['epoch-s', 'from', Math.floor(instant / 1000)],
    ['epoch-s', 'to', Math.floor(instant / 1000) + 1],
    ['epoch-ms', 'from', instant],
    ['epoch-ms', 'to', instant],
    ['iso', 'from', '2025-01-02T03:04:05.600Z'],
    ['sql', 'to', '2025-01-02 03:04:05'],
  ])('%s, the %s end', (clock, end, expected) => {
    expect(clockValue(instant, clock, end)).toEqual(expected);
  });

  it('rounds nothing that is whole seconds', () => {
    const whole = Date.UTC(2025, 0, 2);
    expect([clockValue(whole, 'epoch-s', 'from'), clockValue(whole, 'epoch-s', 'to')]).toEqual([
      whole / 1000,
      whole / 1000,
    ]);
  });
});

describe('unknownKey', () => {
  const key = (known: unknown, schema?: JsonSchema) => unknownKey(known, schema, faker(), 'tok', validators);
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it.each<[string, unknown, JsonSchema | undefined, unknown]>([
    ['a number far past a known one', 42, undefined, 7_777_819],
    [
      'a large number when the first passes no schema',
      42,
      { type: 'integer', minimum: 8_000_000 },
      987_654_321,
    ],
    ['the digits as nines', 'INC-0042', undefined, 'INC-9999999'],
    ['as many nines as there were digits, at least seven', 'REQ-123456789', undefined, 'REQ-999999999'],
    ['a suffix when the nines are the known key', 'N-9999999', undefined, 'N-9999999-missing-tok'],
    ['a suffix on a key without digits', 'alpha', undefined, 'alpha-missing-tok'],
    ['the pattern kept', 'INC-0042', { type: 'string', pattern: '^INC-\\d+$' }, 'INC-9999999'],
    ['a number when nothing is known and the schema wants one', undefined, { type: 'integer' }, 987_654_321],
    [
      'text when nothing is known and the schema wants a name',
      undefined,
      { type: 'string', pattern: '^m' },
      'missing-tok',
    ],
  ])('%s', (_, known, schema, expected) => {
    expect(key(known, schema)).toEqual(expected);
  });

  it('is another UUID for a UUID', () => {
    const known = '3f2b8c1e-9d4a-4e6b-8f7c-1a2b3c4d5e6f';
    const unknown = key(known, { type: 'string', format: 'uuid' });
    expect(unknown).toMatch(UUID);
    expect(unknown).not.toBe(known);
    expect(key(undefined)).toMatch(UUID);
  });

  it('is the same for the same seed', () => {
    expect(key(undefined)).toBe(key(undefined));
  });

  it.each<[string, unknown, JsonSchema]>([
    ['a number no candidate fits', 42, { type: 'integer', maximum: 100 }],
    ['text no candidate fits', 'alpha', { type: 'string', enum: ['alpha', 'beta'] }],
    ['a key of another type', true, { type: 'boolean' }],
  ])('is none for %s', (_, known, schema) => {
    expect(key(known, schema)).toBeUndefined();
  });
});
