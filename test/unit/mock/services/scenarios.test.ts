import { Scenarios, type ScenarioInput } from '../../../../src/mock/services/scenarios';
import { successStatus } from '../../../../src/openapi/status';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { makeOperation, makeResponse, makeSpec } from '../../helpers/model';

const getThing = makeOperation({
  operationId: 'getThing',
  path: '/things/{id}',
  responses: [
    makeResponse('200', {
      schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
      examples: { basic: { id: 't1' } },
    }),
    makeResponse('404', { schema: { type: 'object' } }),
    makeResponse('204', { contentType: null }),
  ],
});
const deleteThing = makeOperation({ operationId: 'deleteThing', method: 'delete', path: '/things/{id}' });
const otherSpec = makeSpec({
  id: 'other',
  operations: [makeOperation({ specId: 'other', operationId: 'getThing' })],
});
const spec = makeSpec({ operations: [getThing, deleteThing] });

function scenarios(specs = [spec]): Scenarios {
  return new Scenarios(specs, new SchemaCompiler(), successStatus);
}

describe('Scenarios', () => {
  it('accepts an override the spec allows', () => {
    const s = scenarios();
    const result = s.add({ operationId: 'getThing', status: 404 });
    expect(result).toMatchObject({ ok: true, scenario: { id: 1, remaining: 1, operation: getThing } });
    expect(s.isEmpty()).toBe(false);
  });

  it.each([
    [{ operationId: 'nope' }, "unknown operation 'nope'"],
    [{ operationId: 'getThing', status: 500 }, 'status 500 is not documented for getThing'],
    [{ operationId: 'getThing', times: 0 }, "'times' must be a positive integer or 'always'"],
    [{ operationId: 'getThing', times: 1.5 }, "'times' must be a positive integer or 'always'"],
    [
      { operationId: 'getThing', delayMs: -1 },
      "'delayMs' must be a time between 0 and 60000, or { min, max } within it",
    ],
    [
      { operationId: 'getThing', delayMs: 60_001 },
      "'delayMs' must be a time between 0 and 60000, or { min, max } within it",
    ],
    [{ operationId: 'getThing', example: 'missing' }, "status 200 of getThing has no example 'missing'"],
    [{ operationId: 'getThing', example: 'basic', body: {} }, "give 'example' or 'body', not both"],
    [{ operationId: 'getThing', status: 204, body: {} }, 'status 204 of getThing documents no body'],
    [{ operationId: 'getThing', body: { id: 7 } }, 'body contradicts the spec: body.id: must be string'],
    [{ operationId: 'getThing', body: {} }, 'body contradicts the spec: body.id: is required'],
  ] as Array<[ScenarioInput, string]>)('refuses %j with the reason', (input, reason) => {
    const s = scenarios();
    const result = s.add(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.reasons).toContain(reason);
    expect(s.isEmpty()).toBe(true);
  });

  it('gives every reason at once', () => {
    const result = scenarios().add({
      operationId: 'getThing',
      times: -2,
      delayMs: -5,
      example: 'x',
      body: 1,
    });
    expect(result.ok ? [] : result.reasons).toHaveLength(5);
  });

  it('asks for the spec when an operation id is in two specs, and finds it once given', () => {
    const s = scenarios([spec, otherSpec]);
    expect(s.add({ operationId: 'getThing' })).toEqual({
      ok: false,
      reasons: ["'getThing' is ambiguous: give 'spec'"],
    });
    expect(s.add({ operationId: 'getThing', spec: 'other' })).toMatchObject({
      ok: true,
      scenario: { operation: otherSpec.operations[0] },
    });
  });

  it('applies once by default, then is gone', () => {
    const s = scenarios();
    s.add({ operationId: 'getThing', status: 404 });
    expect(s.take(deleteThing, false)).toBeUndefined();
    expect(s.take(getThing, false)).toMatchObject({ status: 404 });
    expect(s.take(getThing, false)).toBeUndefined();
    expect(s.isEmpty()).toBe(true);
  });

  it('applies `times` times', () => {
    const s = scenarios();
    s.add({ operationId: 'getThing', times: 3 });
    const taken = [1, 2, 3, 4].map(() => s.take(getThing, false) !== undefined);
    expect(taken).toEqual([true, true, true, false]);
  });

  it("'always' lasts until removed or cleared", () => {
    const s = scenarios();
    const added = s.add({ operationId: 'getThing', times: 'always' });
    for (let i = 0; i < 5; i++) expect(s.take(getThing, false)).toBeDefined();
    expect(added.ok && s.remove(added.scenario.id)).toBe(true);
    expect(s.take(getThing, false)).toBeUndefined();
    s.add({ operationId: 'deleteThing', times: 'always' });
    s.clear();
    expect(s.isEmpty()).toBe(true);
  });

  it('the first scenario added for an operation applies first', () => {
    const s = scenarios();
    s.add({ operationId: 'getThing', status: 404 });
    s.add({ operationId: 'getThing', example: 'basic' });
    expect(s.take(getThing, false)).toMatchObject({ status: 404 });
    expect(s.take(getThing, false)).toMatchObject({ example: 'basic' });
  });

  it('lists active scenarios without their operation, and remove() of an unknown id is false', () => {
    const s = scenarios();
    s.add({ operationId: 'getThing', status: 404, times: 2 });
    expect(s.list()).toEqual([{ operationId: 'getThing', status: 404, times: 2, id: 1, remaining: 2 }]);
    expect(s.remove(99)).toBe(false);
  });
});
