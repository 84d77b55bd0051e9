import type { RequestValidator } from '../../../../src/validate/request';
import { compileRequestValidator } from '../../../../src/validate/request';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { buildAcceptance } from '../../../../src/openapi/vendor-acceptance';
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
const compilers = { coercing: new SchemaCompiler({ coerceTypes: true }), strict: new SchemaCompiler() };
const validator = compileRequestValidator(operation, compilers);
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
    const checked = validateRequest(validator, spec, operation, request, { id: '42' }, false);
    expect(checked).toEqual({
      ok: true,
      value: {
        request: {
          path: { id: 42 },
          query: { limit: 10 },
          headers: json,
          body: { name: 'n', level: 'low' },
          contentType: 'application/json',
        },
        departures: [],
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
    const checked = validateRequest(validator, spec, operation, request, { id: 'abc' }, false);
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
    const bad = validateRequest(
      validator,
      spec,
      operation,
      plainRequest({ headers: json, rawBody: '{' }),
      { id: '1' },
      false,
    );
    expect(bad.ok ? [] : bad.error.requestViolations).toEqual([
      expect.stringMatching(/^body: is not valid JSON/),
    ]);
    const none = validateRequest(validator, spec, operation, plainRequest(), { id: '1' }, false);
    expect(none.ok ? [] : none.error.requestViolations).toEqual(['body: is required']);
  });

  it('hands the validator the request and the path parameters as they are', () => {
    const calls: unknown[] = [];
    const stub: RequestValidator = (request, params) => {
      calls.push([request.path, params]);
      return { ok: false, violations: [{ path: 'query.x', message: 'is odd', keyword: 'x' }] };
    };
    const checked = validateRequest(stub, spec, operation, plainRequest({ path: '/p' }), { id: '7' }, false);
    expect(calls).toEqual([['/p', { id: '7' }]]);
    expect(checked.ok ? [] : checked.error.requestViolations).toEqual(['query.x: is odd']);
  });
});

describe('validateRequest at two levels: what the document says, what the vendor accepts', () => {
  const lenient = makeOperation({
    method: 'post',
    path: '/users',
    requestBody: {
      required: true,
      content: [
        makeMedia('application/json', {
          type: 'object',
          required: ['user'],
          properties: {
            user: {
              type: 'object',
              required: ['name', 'since'],
              properties: { name: { type: 'string' }, role: { enum: [1, 2] }, since: { type: 'integer' } },
            },
          },
        }),
      ],
    },
  });
  lenient.accepts = buildAcceptance(lenient, {
    optional: ['body.user.since'],
    aliases: { 'body.user.role': { ROLE_ADMIN: 1, ROLE_USER: 2 } },
    bodies: [{ schema: { type: 'object', required: ['name'] }, as: { user: '$body' } }],
  }).accepts;
  const lenientSpec = makeSpec({ operations: [lenient] });
  const check = compileRequestValidator(lenient, compilers);
  const send = (body: unknown, strict = false) =>
    validateRequest(
      check,
      lenientSpec,
      lenient,
      plainRequest({ method: 'post', path: '/users', headers: json, rawBody: JSON.stringify(body) }),
      {},
      strict,
    );

  it('accepts what only the document forbids, reports it, and hands on the document’s terms', () => {
    const checked = send({ user: { name: 'Ada', role: 'ROLE_USER' } });
    expect(checked.ok && checked.value).toEqual({
      request: expect.objectContaining({ body: { user: { name: 'Ada', role: 2 } } }),
      departures: ['body.user.since: is required', 'body.user.role: must be one of 1, 2'],
    });
  });

  it("maps the vendor's other body shape through its template", () => {
    const checked = send({ name: 'Ada' });
    expect(checked.ok && checked.value.request.body).toEqual({ user: { name: 'Ada' } });
    expect(checked.ok && checked.value.departures).toEqual(['body.user: is required']);
  });

  it('refuses in strict mode what only the document forbids, with the document’s violations', () => {
    const checked = send({ user: { name: 'Ada', role: 'ROLE_USER' } }, true);
    expect(checked.ok ? [] : checked.error.requestViolations).toEqual([
      'body.user.since: is required',
      'body.user.role: must be one of 1, 2',
    ]);
  });

  it('refuses what the vendor refuses too, naming each field as the document does', () => {
    const checked = send({ user: { role: 'ROLE_GUEST' } });
    expect(checked.ok ? [] : checked.error.requestViolations).toEqual(
      expect.arrayContaining(['body.user.name: is required', 'body.user.role: must be one of 1, 2']),
    );
  });

  it('lets a document-valid request through with no departure and untouched', () => {
    const checked = send({ user: { name: 'Ada', role: 1, since: 2020 } });
    expect(checked.ok && checked.value).toEqual({
      request: expect.objectContaining({ body: { user: { name: 'Ada', role: 1, since: 2020 } } }),
      departures: [],
    });
  });
});
