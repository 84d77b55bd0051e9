import type { JsonSchema } from '../../../../src/openapi/model';
import { toResponse } from '../../../../src/mock/stages/respond';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { makeMedia, makeOperation, makeResponse, makeSpec } from '../../helpers/model';

const requestIdSchema: JsonSchema = { type: 'string', format: 'uuid' };
const operation = makeOperation({
  operationId: 'createThing',
  method: 'post',
  responses: [
    makeResponse('201', {
      headers: [
        { name: 'X-Request-Id', required: true, schema: requestIdSchema },
        { name: 'X-Rate-Limit', required: true, schema: { type: 'integer', minimum: 1, maximum: 100 } },
        { name: 'X-Optional', required: false, schema: { type: 'string' } },
      ],
      contentType: 'application/xml',
      alsoContent: [makeMedia('application/json')],
    }),
    makeResponse('202', { contentType: 'text/csv' }),
    makeResponse('204', { contentType: null }),
  ],
});
const spec = makeSpec({ operations: [operation] });

describe('toResponse', () => {
  it('answers the success status with the JSON media type when documented, and the required headers', () => {
    const response = toResponse(spec, operation, { kind: 'ok', body: { id: 1 } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: 1 });
    expect(response.headers['content-type']).toBe('application/json');
    expect(Object.keys(response.headers).sort()).toEqual(['X-Rate-Limit', 'X-Request-Id', 'content-type']);
    const compiler = new SchemaCompiler();
    expect(compiler.compile(requestIdSchema, 'h')(response.headers['X-Request-Id'])).toEqual([]);
    const limit = Number(response.headers['X-Rate-Limit']);
    expect(Number.isInteger(limit) && limit >= 1 && limit <= 100).toBe(true);
  });

  it('gives the same header values for the same operation every time', () => {
    const a = toResponse(spec, operation, { kind: 'ok', body: {} });
    const b = toResponse(spec, operation, { kind: 'ok', body: {} });
    expect(a.headers).toEqual(b.headers);
  });

  it("uses the outcome's status, the first media type otherwise, and lets the outcome's headers win", () => {
    const response = toResponse(spec, operation, {
      kind: 'ok',
      status: 202,
      body: 'a,b',
      headers: { 'x-own': '1' },
    });
    expect(response).toEqual({
      status: 202,
      headers: { 'content-type': 'text/csv', 'x-own': '1' },
      body: 'a,b',
    });
    const overridden = toResponse(spec, operation, {
      kind: 'ok',
      body: {},
      headers: { 'X-Request-Id': 'given' },
    });
    expect(overridden.headers['X-Request-Id']).toBe('given');
  });

  it('sends no body and no content type for a status without content', () => {
    expect(toResponse(spec, operation, { kind: 'ok', status: 204, body: { ignored: true } })).toEqual({
      status: 204,
      headers: {},
    });
  });

  it('answers 200 when the operation documents no success status', () => {
    const bare = makeOperation({ responses: [makeResponse('400')] });
    expect(toResponse(makeSpec(), bare, { kind: 'ok', body: 1 })).toEqual({ status: 200, headers: {} });
  });

  it("answers a refusal in the spec's envelope of its kind", () => {
    expect(toResponse(spec, operation, { kind: 'fail', error: 'conflict', messages: ['exists'] })).toEqual({
      status: 409,
      headers: { 'content-type': 'application/json' },
      body: { spec: 'tiny', kind: 'conflict', error: { message: 'exists', details: ['exists'] } },
    });
  });
});
