import type { JsonSchema } from '../../../../src/openapi/model';
import { DocumentedResponses } from '../../../../src/mock/services/documented-responses';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { makeOperation, makeResponse, makeSpec } from '../../helpers/model';

const userSchema: JsonSchema = {
  type: 'object',
  required: ['uuid', 'name', 'score'],
  properties: {
    uuid: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    score: { type: 'integer', minimum: 0, maximum: 10 },
  },
};
const getUser = makeOperation({
  operationId: 'getUser',
  path: '/users/{uuid}',
  responses: [
    makeResponse('200', {
      schema: userSchema,
      examples: { first: { uuid: 'u-1' }, second: { uuid: 'u-2' } },
    }),
    makeResponse('4XX', { schema: { type: 'object' }, examples: { bad: { message: 'bad' } } }),
    makeResponse('204', { contentType: null }),
  ],
});
const exampleSpec = makeSpec({ operations: [getUser], responseMode: 'example' });
const generatedSpec = makeSpec({ operations: [getUser], responseMode: 'generated' });
const validate = new SchemaCompiler().compile(userSchema, 'body');

describe('DocumentedResponses', () => {
  const documented = () => new DocumentedResponses(1, () => Date.UTC(2025, 0, 1));

  it('answers the first example in example mode', () => {
    expect(documented().body(exampleSpec, getUser, 200)).toEqual({
      ok: true,
      body: { uuid: 'u-1' },
      contentType: 'application/json',
    });
  });

  it('answers a named example, and refuses an unknown one naming the known ones', () => {
    const d = documented();
    expect(d.body(exampleSpec, getUser, 200, { example: 'second' })).toMatchObject({ body: { uuid: 'u-2' } });
    expect(d.body(exampleSpec, getUser, 200, { example: 'third' })).toEqual({
      ok: false,
      message: "no example 'third' for status 200 (known: first, second)",
    });
  });

  it('answers a copy of the example: changing it leaves the spec as it was', () => {
    const d = documented();
    const first = d.body(exampleSpec, getUser, 200);
    if (first.ok) (first.body as Record<string, unknown>).uuid = 'changed';
    expect(d.body(exampleSpec, getUser, 200)).toMatchObject({ body: { uuid: 'u-1' } });
  });

  it('generates a valid body in generated mode or when asked for a dynamic one', () => {
    for (const [spec, options] of [
      [generatedSpec, {}],
      [exampleSpec, { dynamic: true }],
    ] as const) {
      const answer = documented().body(spec, getUser, 200, options);
      expect(answer.ok).toBe(true);
      expect(validate(answer.ok ? answer.body : undefined)).toEqual([]);
    }
  });

  it('generates the same body for the same request, and echoes the path parameters', () => {
    const a = documented().body(generatedSpec, getUser, 200, { pathParams: { uuid: 'abc' } });
    const b = documented().body(generatedSpec, getUser, 200, { pathParams: { uuid: 'abc' } });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ body: { uuid: 'abc' } });
  });

  it('uses the range and answers no body for a status without content', () => {
    const d = documented();
    expect(d.body(exampleSpec, getUser, 422)).toMatchObject({ ok: true, body: { message: 'bad' } });
    expect(d.body(exampleSpec, getUser, 204)).toEqual({ ok: true, body: undefined });
  });

  it('as an outcome: an undocumented status is a validation refusal, no success status an internal one', () => {
    const d = documented();
    expect(d.outcome(exampleSpec, getUser, 500)).toEqual({
      kind: 'fail',
      error: 'validation',
      messages: ['status 500 is not documented for getUser'],
    });
    expect(d.outcome(exampleSpec, getUser, undefined)).toMatchObject({ kind: 'fail', error: 'internal' });
    expect(d.outcome(exampleSpec, getUser, 200)).toEqual({ kind: 'ok', status: 200, body: { uuid: 'u-1' } });
    expect(d.bodyOrUndefined(exampleSpec, getUser, 500)).toBeUndefined();
  });
});
