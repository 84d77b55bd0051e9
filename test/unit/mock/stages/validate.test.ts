import type { RequestValidator } from '../../../../src/validate/request';
import { compileRequestValidator } from '../../../../src/validate/request';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { validateRequest } from '../../../../src/mock/stages/validate';
import { makeMedia, makeOperation, makeSpec } from '../../helpers/model';
import { plainRequest } from '../../helpers/requests';

const operation = makeOperation({
  method: 'post',
  path: '/things/{id}',
  parameters: [
    { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, examples: [] },
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer', maximum: 50 }, examples: [] },
  ],
  requestBody: {
    required: true,
    content: [
      makeMedia('application/json', {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, level: { enum: ['low', 'high'] } },
      }),
    ],
  },
});
const spec = makeSpec({
  operations: [operation],
  errors: { validation: { status: 422, body: { errors: '$messages' } } },
});
const validator = compileRequestValidator(
  operation,
  new SchemaCompiler({ coerceTypes: true }),
  new SchemaCompiler(),
);
const json = { 'content-type': 'application/json' };

describe('validateRequest', () => {
  it('lets a valid request through with its parameters coerced to their types', () => {
    const request = plainRequest({
      method: 'post',
      path: '/things/42',
      query: { limit: '10' },
      headers: json,
      rawBody: '{"name":"n","level":"low"}',
    });
    const checked = validateRequest(validator, spec, operation, request, { id: '42' });
    expect(checked).toEqual({
      ok: true,
      value: {
        path: { id: 42 },
        query: { limit: 10 },
        headers: json,
        body: { name: 'n', level: 'low' },
        contentType: 'application/json',
      },
    });
  });

  it("refuses every violation at once, with its path, in the spec's validation envelope", () => {
    const request = plainRequest({
      method: 'post',
      query: { limit: '99' },
      headers: json,
      rawBody: '{"level":"medium"}',
    });
    const checked = validateRequest(validator, spec, operation, request, { id: 'abc' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const messages = checked.error.requestViolations;
    expect(messages).toEqual(
      expect.arrayContaining([
        'path.id: must be integer',
        'query.limit: must be <= 50',
        'body.name: is required',
        'body.level: must be one of "low", "high"',
      ]),
    );
    expect(checked.error.response).toEqual({
      status: 422,
      headers: { 'content-type': 'application/json' },
      body: { errors: messages },
    });
    expect(checked.error.operation).toBe(operation);
  });

  it('refuses a body that is not JSON and a missing required body', () => {
    const bad = validateRequest(validator, spec, operation, plainRequest({ headers: json, rawBody: '{' }), {
      id: '1',
    });
    expect(bad.ok ? [] : bad.error.requestViolations).toEqual([
      expect.stringMatching(/^body: is not valid JSON/),
    ]);
    const none = validateRequest(validator, spec, operation, plainRequest(), { id: '1' });
    expect(none.ok ? [] : none.error.requestViolations).toEqual(['body: is required']);
  });

  it('hands the validator the request and the path parameters as they are', () => {
    const calls: unknown[] = [];
    const stub: RequestValidator = (request, params) => {
      calls.push([request.path, params]);
      return { ok: false, violations: [{ path: 'query.x', message: 'is odd', keyword: 'x' }] };
    };
    const checked = validateRequest(stub, spec, operation, plainRequest({ path: '/p' }), { id: '7' });
    expect(calls).toEqual([['/p', { id: '7' }]]);
    expect(checked.ok ? [] : checked.error.requestViolations).toEqual(['query.x: is odd']);
  });
});
