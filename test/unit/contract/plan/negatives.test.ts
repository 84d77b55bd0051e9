import { negativeVariants, type NegativeVariant } from '../../../../src/contract/plan/negatives';
import type { RequestParts } from '../../../../src/contract/plan/request-parts';
import type { JsonSchema, MediaTypeSpec, Operation } from '../../../../src/openapi';
import { SchemaCompiler } from '../../../../src/schema';
import { jsonContent, makeOperation, parameter } from '../helpers';

const validators = new SchemaCompiler();

const BODY_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['title', 'severity', 'count'],
  properties: {
    title: { type: 'string', minLength: 1 },
    severity: { type: 'string', enum: ['low', 'high'] },
    count: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    meta: { type: 'object' },
  },
};

const operation = makeOperation({
  operationId: 'addNote',
  method: 'post',
  path: '/incidents/{id}/notes',
  parameters: [
    parameter('id', 'path', { type: 'integer' }),
    parameter('limit', 'query', { type: 'integer', minimum: 1 }, { required: true }),
    parameter('status', 'query', { type: 'string', enum: ['open', 'closed'] }),
    parameter('verbose', 'query', { type: 'boolean' }),
    parameter('q', 'query', { type: 'string' }, { required: true }),
  ],
  requestBody: { required: true, content: [jsonContent(BODY_SCHEMA)] },
});

const valid: RequestParts = {
  path: { id: 7 },
  query: { limit: 10, q: 'disk' },
  headers: {},
  body: { title: 'Disk full', severity: 'high', count: 3, tags: ['ops'], meta: {} },
  contentType: 'application/json',
};

/** Why the spec makes a request invalid, judged independently of the planner; undefined when it is valid. */
function whyInvalid(op: Operation, parts: RequestParts): string | undefined {
  if (parts.rawBody !== undefined) {
    try {
      JSON.parse(parts.rawBody);
    } catch {
      return 'body is not JSON';
    }
  }
  const media: MediaTypeSpec[] = op.requestBody?.content ?? [];
  if (parts.body === undefined && op.requestBody?.required) return 'required body missing';
  if (parts.body !== undefined && !media.some((m) => m.contentType === parts.contentType))
    return `content type ${parts.contentType} not documented`;
  const schema = media.find((m) => m.contentType === parts.contentType)?.schema;
  if (parts.body !== undefined && schema && validators.compile(schema, 'body')(parts.body).length > 0)
    return 'body violates its schema';
  for (const p of op.parameters) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    const value = parts[p.in][p.name];
    if (value === undefined) {
      if (p.required) return `${p.in}.${p.name} missing`;
      continue;
    }
    if (validators.compile(p.schema, p.in)(value).length > 0) return `${p.in}.${p.name} violates its schema`;
  }
  return undefined;
}

const labels = (variants: NegativeVariant[]) => variants.map((v) => v.label);

describe('negativeVariants', () => {
  const variants = negativeVariants(operation, valid, validators);

  it('starts from a valid request', () => {
    expect(whyInvalid(operation, valid)).toBeUndefined();
  });

  it('breaks the body and the parameters, a couple of each kind', () => {
    expect(labels(variants)).toEqual([
      'malformed JSON body',
      'JSON sent as text/plain',
      'missing required body',
      'missing required body.title',
      'missing required body.severity',
      'body.title of the wrong type',
      'body.severity of the wrong type',
      'body.severity outside its enum',
      "path.id = 'not-a-number'",
      'missing required query.limit',
      "query.limit = 'not-a-number'",
      "query.status = 'NOT_A_DOCUMENTED_VALUE'",
    ]);
  });

  it.each(negativeVariants(operation, valid, validators).map((v) => [v.label, v] as const))(
    'is really invalid: %s',
    (_, variant) => {
      expect(whyInvalid(operation, variant.parts)).toBeDefined();
    },
  );

  it('changes one thing at a time', () => {
    const byLabel = Object.fromEntries(variants.map((v) => [v.label, v.parts]));
    expect(byLabel['missing required body.title'].body).toEqual({
      ...(valid.body as object),
      title: undefined,
    });
    expect(byLabel['missing required body.title'].body).not.toHaveProperty('title');
    expect(byLabel['body.severity outside its enum'].body).toEqual({
      ...(valid.body as object),
      severity: 'NOT_A_DOCUMENTED_VALUE',
    });
    expect(byLabel['missing required query.limit']).toEqual({ ...valid, query: { q: 'disk' } });
    expect(byLabel["path.id = 'not-a-number'"]).toEqual({ ...valid, path: { id: 'not-a-number' } });
    expect(byLabel['JSON sent as text/plain']).toEqual({ ...valid, contentType: 'text/plain' });
    expect(byLabel['missing required body']).toEqual({ ...valid, body: undefined, contentType: undefined });
  });

  it('never mutates the valid request', () => {
    expect(valid).toEqual({
      path: { id: 7 },
      query: { limit: 10, q: 'disk' },
      headers: {},
      body: { title: 'Disk full', severity: 'high', count: 3, tags: ['ops'], meta: {} },
      contentType: 'application/json',
    });
  });

  it('produces none for a request with only optional, unconstrained parts and no body', () => {
    const optional = makeOperation({
      operationId: 'listNotes',
      parameters: [parameter('q', 'query', { type: 'string' }), parameter('cursor', 'query', {})],
    });
    expect(negativeVariants(optional, { path: {}, query: {}, headers: {} }, validators)).toEqual([]);
  });

  it('breaks no field of an optional-only body schema', () => {
    const optional = makeOperation({
      operationId: 'patchNote',
      method: 'patch',
      requestBody: {
        required: false,
        content: [jsonContent({ type: 'object', properties: { note: {}, extra: { description: 'any' } } })],
      },
    });
    const parts: RequestParts = {
      path: {},
      query: {},
      headers: {},
      body: { note: 'x' },
      contentType: 'application/json',
    };
    const found = negativeVariants(optional, parts, validators);
    expect(labels(found)).toEqual(['malformed JSON body', 'JSON sent as text/plain']);
    for (const variant of found) expect(whyInvalid(optional, variant.parts)).toBeDefined();
  });

  it.each(['text/plain', '*/*'])(
    'does not send JSON as text/plain when the body may be %s',
    (contentType) => {
      const lenient = {
        ...operation,
        requestBody: { required: true, content: [jsonContent(BODY_SCHEMA), { contentType, examples: [] }] },
      };
      expect(labels(negativeVariants(lenient, valid, validators))).not.toContain('JSON sent as text/plain');
    },
  );

  it('drops a variant the schema would accept', () => {
    const odd = makeOperation({
      operationId: 'odd',
      method: 'post',
      parameters: [parameter('mode', 'query', { enum: ['fast', 'NOT_A_DOCUMENTED_VALUE'] })],
      requestBody: {
        required: false,
        content: [
          jsonContent({
            type: 'object',
            properties: {
              kind: { enum: ['a', 'NOT_A_DOCUMENTED_VALUE'] },
              any: { type: ['string', 'number'] },
            },
          }),
        ],
      },
    });
    const parts: RequestParts = { path: {}, query: { mode: 'fast' }, headers: {}, body: { kind: 'a' } };
    expect(labels(negativeVariants(odd, { ...parts, contentType: 'application/json' }, validators))).toEqual([
      'malformed JSON body',
      'JSON sent as text/plain',
    ]);
  });

  it('goes above a numeric enum', () => {
    const numeric = makeOperation({
      operationId: 'setPriority',
      method: 'post',
      requestBody: {
        required: false,
        content: [jsonContent({ type: 'object', properties: { priority: { enum: [1, 2, 30] } } })],
      },
    });
    const found = negativeVariants(
      numeric,
      { path: {}, query: {}, headers: {}, body: { priority: 2 }, contentType: 'application/json' },
      validators,
    );
    expect(found.find((v) => v.label === 'body.priority outside its enum')?.parts.body).toEqual({
      priority: 1030,
    });
  });

  it('breaks only the transport of a body that is not an object', () => {
    const list = makeOperation({
      operationId: 'bulk',
      method: 'post',
      requestBody: { required: true, content: [jsonContent({ type: 'array', items: { type: 'string' } })] },
    });
    const parts: RequestParts = {
      path: {},
      query: {},
      headers: {},
      body: ['a'],
      contentType: 'application/json',
    };
    expect(labels(negativeVariants(list, parts, validators))).toEqual([
      'malformed JSON body',
      'JSON sent as text/plain',
      'missing required body',
    ]);
  });

  it('breaks no body when the valid request has none', () => {
    const noBody = { ...valid, body: undefined, contentType: undefined };
    expect(labels(negativeVariants(operation, noBody, validators)).filter((l) => l.includes('body'))).toEqual(
      [],
    );
  });
});
