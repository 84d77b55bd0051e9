import { MockEngine } from '../../../src/mock/engine';
import { handleRequest } from '../../../src/mock/handle';
import { VIOLATIONS_HEADER } from '../../../src/mock/stages/self-check';
import { makeOperation, makeResponse, makeSpec } from '../helpers/model';
import { plainRequest } from '../helpers/requests';

/** The pipeline on an engine built in memory (no seed directory, no server): its self-check is never silent. */
const getThing = makeOperation({
  operationId: 'getThing',
  responses: [
    makeResponse('200', {
      schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      // The documented example itself breaks the schema: a spec mistake the self-check must expose.
      examples: { broken: { name: 'no id' } },
    }),
  ],
});
const spec = makeSpec({ operations: [getThing] });

function engineWith(warnings: string[]): MockEngine {
  return new MockEngine({ specs: [spec], seedDir: false, warn: (m) => warnings.push(m) });
}

describe('self-check through the pipeline', () => {
  it('exposes the violation on every answer and in the log, and warns once', async () => {
    const warnings: string[] = [];
    const engine = engineWith(warnings);
    const first = await handleRequest(engine, plainRequest({ query: { n: '1' } }));
    const second = await handleRequest(engine, plainRequest({ query: { n: '2' } }));
    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.headers[VIOLATIONS_HEADER]).toBe('1; body.id: is required');
      expect(response.headers['x-secmock-operation']).toBe('tiny/getThing');
    }
    expect(warnings).toEqual(['tiny getThing answered 200 against its spec: body.id: is required']);
    expect(engine.log.recent().map((e) => e.responseViolations)).toEqual([
      ['body.id: is required'],
      ['body.id: is required'],
    ]);
  });

  it("does not self-check secmock's own refusals", async () => {
    const warnings: string[] = [];
    const engine = engineWith(warnings);
    const response = await handleRequest(
      engine,
      plainRequest({ bodyProblem: { kind: 'tooLarge', message: 'too big' } }),
    );
    expect(response.status).toBe(413);
    expect(response.headers[VIOLATIONS_HEADER]).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('reads reused until the next write', () => {
  const listThings = makeOperation({
    operationId: 'listThings',
    parameters: [
      { name: 'x-tenant', in: 'header', required: true, schema: { type: 'string' }, examples: [] },
    ],
    responses: [
      makeResponse('200', { schema: { type: 'object' }, examples: { one: { things: [] } } }),
      makeResponse('400'),
    ],
  });
  const withHeader = makeSpec({ operations: [listThings] });

  it('are told apart by a header the operation reads: one without it is still refused', async () => {
    const engine = new MockEngine({ specs: [withHeader], seedDir: false, warn: () => undefined });
    const tenant = await handleRequest(engine, plainRequest({ headers: { 'x-tenant': 'acme' } }));
    const again = await handleRequest(engine, plainRequest({ headers: { 'x-tenant': 'acme' } }));
    const missing = await handleRequest(engine, plainRequest());
    expect([tenant.status, again.status, missing.status]).toEqual([200, 200, 400]);
    expect(again.text).toBe(tenant.text);
  });
});
