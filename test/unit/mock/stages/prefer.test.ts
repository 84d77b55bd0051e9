import type { JsonSchema } from '../../../../src/openapi/model';
import { DocumentedResponses } from '../../../../src/mock/services/documented-responses';
import { answerPreferred, parsePrefer, type Preferences } from '../../../../src/mock/stages/prefer';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { makeOperation, makeResponse, makeSpec } from '../../helpers/model';
import { validatedRequest } from '../../helpers/requests';

describe('parsePrefer', () => {
  it.each([
    [undefined, {}],
    ['', {}],
    ['code=404', { code: 404 }],
    ['Code = 201', { code: 201 }],
    ['code=4044', {}],
    ['code=abc', {}],
    ['example=withNotes', { example: 'withNotes' }],
    ['example="quoted name"', { example: 'quoted name' }],
    ['example=', {}],
    ['example=a=b', { example: 'a=b' }],
    ['dynamic=true', { dynamic: true }],
    ['dynamic', { dynamic: true }],
    ['dynamic=false', { dynamic: false }],
    ['code=404, example=notFound', { code: 404, example: 'notFound' }],
    ['code=422; dynamic=true', { code: 422, dynamic: true }],
    ['return=minimal, respond-async', {}],
  ] as Array<[string | undefined, Preferences]>)('%j -> %j', (header, expected) => {
    expect(parsePrefer(header)).toEqual(expected);
  });
});

describe('answerPreferred', () => {
  const thingSchema: JsonSchema = {
    type: 'object',
    required: ['id', 'size'],
    properties: { id: { type: 'string' }, size: { type: 'integer', minimum: 1, maximum: 9 } },
  };
  const operation = makeOperation({
    operationId: 'getThing',
    responses: [
      makeResponse('200', {
        schema: thingSchema,
        examples: { small: { id: 's', size: 1 }, big: { id: 'b', size: 9 } },
      }),
      makeResponse('404', {
        schema: { type: 'object' },
        examples: { missing: { message: 'no such thing' } },
      }),
    ],
  });
  const spec = makeSpec({ operations: [operation] });
  const documented = new DocumentedResponses(3, () => 0);
  const prefer = (header?: string) =>
    answerPreferred(
      documented,
      spec,
      operation,
      validatedRequest({ headers: header === undefined ? {} : { prefer: header } }),
    );

  it.each([undefined, 'code=200', 'dynamic=false', 'return=minimal'])(
    'lets %j go on to the mock',
    (header) => {
      expect(prefer(header)).toBeUndefined();
    },
  );

  it('answers a documented status', () => {
    expect(prefer('code=404')).toEqual({
      spec,
      operation,
      response: {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: { message: 'no such thing' },
      },
      requestViolations: [],
    });
  });

  it('answers a named example of the success status', () => {
    expect(prefer('example=big')?.response).toMatchObject({ status: 200, body: { id: 'b', size: 9 } });
  });

  it('answers a value generated from the schema', () => {
    const answer = prefer('dynamic=true');
    expect(answer?.response.status).toBe(200);
    expect(new SchemaCompiler().compile(thingSchema, 'body')(answer?.response.body)).toEqual([]);
  });

  it.each([
    ['code=503', 'Prefer: status 503 is not documented for getThing'],
    ['example=huge', "Prefer: no example 'huge' for status 200 (known: small, big)"],
    ['code=404, example=small', "Prefer: no example 'small' for status 404 (known: missing)"],
  ])('refuses %j in the validation envelope', (header, message) => {
    const answer = prefer(header);
    expect(answer?.requestViolations).toEqual([message]);
    expect(answer?.response).toMatchObject({ status: 400, body: { kind: 'validation', error: { message } } });
  });
});
