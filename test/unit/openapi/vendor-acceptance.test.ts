import { buildAcceptance, parseSchemaPath } from '../../../src/openapi/vendor-acceptance';
import { SchemaCompiler } from '../../../src/schema';
import type { JsonSchema } from '../../../src/openapi';
import { makeMedia, makeOperation } from '../helpers/model';

/** The second level of truth: the document's request schemas, relaxed where the vendor accepts more. */
const userSchema = {
  type: 'object',
  required: ['user', 'mode'],
  properties: {
    user: {
      type: 'object',
      required: ['name', 'role'],
      properties: {
        name: { type: 'string' },
        role: { enum: [1, 2] },
        tags: { type: 'array', items: { type: 'string' } },
      },
    },
    mode: { type: 'string', enum: ['a', 'b'] },
    mappings: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['statuses'],
        properties: { statuses: { type: 'array' } },
      },
    },
  },
};
// openapi-types' SchemaObject cannot type a map of objects (additionalProperties), so the literal is cast.
const operation = makeOperation({
  method: 'post',
  parameters: [{ name: 'limit', in: 'query', required: true, schema: { type: 'integer' }, examples: [] }],
  requestBody: { required: true, content: [makeMedia('application/json', userSchema as JsonSchema)] },
});
const compiler = new SchemaCompiler();
const valid = (schema: object | undefined, value: unknown) =>
  compiler.compile(schema ?? {}, 'body')(value).length === 0;

describe('parseSchemaPath', () => {
  it.each([
    ['body', { in: 'body', steps: [] }],
    ['body.user.name', { in: 'body', steps: ['user', 'name'] }],
    ['body.user.tags[]', { in: 'body', steps: ['user', 'tags', '[]'] }],
    ['body.mappings.*.statuses', { in: 'body', steps: ['mappings', '*', 'statuses'] }],
    ['body[].id', { in: 'body', steps: ['[]', 'id'] }],
    ['query.limit', { in: 'query', steps: ['limit'] }],
  ])('%s', (text, path) => {
    expect(parseSchemaPath(text)).toEqual(path);
  });

  it.each(['bodies.x', 'body..x', 'cookie.x', 'body.x[0]'])('refuses %j', (text) => {
    expect(parseSchemaPath(text)).toBeUndefined();
  });
});

describe('buildAcceptance', () => {
  it('makes required fields optional, fields nullable and widens values, leaving the document alone', () => {
    const { accepts, issues } = buildAcceptance(operation, {
      optional: ['body.mode', 'body.user.role', 'query.limit', 'body.mappings.*.statuses'],
      nullable: ['body.user.name'],
      values: { 'body.mode': ['C'] },
      aliases: { 'body.user.role': { ROLE_USER: 2 } },
    });
    expect(issues).toEqual([]);
    const vendor = accepts.requestBody?.content[0].schema;
    const documented = operation.requestBody?.content[0].schema;
    const body = { user: { name: null, role: 'ROLE_USER' }, mode: 'C', mappings: { KEY: {} } };
    expect(valid(vendor, body)).toBe(true);
    expect(valid(documented, body)).toBe(false);
    expect(valid(vendor, { user: { name: 5 } })).toBe(false);
    expect(accepts.parameters[0].required).toBe(false);
    expect(operation.parameters[0].required).toBe(true);
    expect(accepts.aliases).toEqual([{ at: { in: 'body', steps: ['user', 'role'] }, map: { ROLE_USER: 2 } }]);
  });

  it('accepts whole other body shapes next to the document’s', () => {
    const { accepts } = buildAcceptance(operation, {
      bodies: [{ schema: { type: 'object', required: ['name'] }, as: { user: '$body' } }],
    });
    const vendor = accepts.requestBody?.content[0].schema;
    expect(valid(vendor, { name: 'flat' })).toBe(true);
    expect(valid(vendor, { user: { name: 'x', role: 1 }, mode: 'a' })).toBe(true);
    expect(valid(vendor, { other: true })).toBe(false);
    expect(accepts.bodies).toHaveLength(1);
  });

  it('reports every place the request does not have', () => {
    const { issues } = buildAcceptance(operation, {
      optional: ['body.user.nickname', 'query.page'],
      nullable: ['body.missing.deeper'],
      values: { 'body.x[]': ['y'] },
    });
    expect(issues).toEqual([
      { pointer: '/optional', message: "'body.user.nickname' is not a place in this operation's request" },
      { pointer: '/optional', message: "'query.page' is not a place in this operation's request" },
      { pointer: '/nullable', message: "'body.missing.deeper' is not a place in this operation's request" },
      { pointer: '/values', message: "'body.x[]' is not a place in this operation's request" },
    ]);
  });
});
