import { DocumentedResponses } from '../../../../src/mock/services/documented-responses';
import { Scenarios } from '../../../../src/mock/services/scenarios';
import { useScenario } from '../../../../src/mock/stages/scenario';
import { successStatus } from '../../../../src/openapi/status';
import { SchemaCompiler } from '../../../../src/schema/compile';
import { makeOperation, makeResponse, makeSpec } from '../../helpers/model';

const operation = makeOperation({
  operationId: 'getThing',
  responses: [
    makeResponse('200', {
      schema: { type: 'object', properties: { id: { type: 'string' } } },
      examples: { first: { id: 'one' }, second: { id: 'two' } },
    }),
    makeResponse('503', { schema: { type: 'object' }, examples: { down: { message: 'maintenance' } } }),
  ],
});
const other = makeOperation({ operationId: 'other', path: '/other' });
const spec = makeSpec({ operations: [operation, other] });
const documented = new DocumentedResponses(1, () => 0);

function withScenario(input: Parameters<Scenarios['add']>[0]): Scenarios {
  const scenarios = new Scenarios([spec], new SchemaCompiler(), successStatus);
  expect(scenarios.add(input).ok).toBe(true);
  return scenarios;
}

describe('useScenario', () => {
  it('lets the request go on when no scenario is set for the operation', () => {
    const scenarios = withScenario({ operationId: 'other', status: 200 });
    expect(useScenario(scenarios, documented, spec, operation)).toBeUndefined();
  });

  it("answers the scenario's status with its documented body, once", () => {
    const scenarios = withScenario({ operationId: 'getThing', status: 503 });
    const answer = useScenario(scenarios, documented, spec, operation)?.answer;
    expect(answer?.response).toEqual({
      status: 503,
      headers: { 'content-type': 'application/json' },
      body: { message: 'maintenance' },
    });
    expect(answer?.scenario).toMatchObject({ id: 1, status: 503 });
    expect(answer?.requestViolations).toEqual([]);
    expect(useScenario(scenarios, documented, spec, operation)).toBeUndefined();
  });

  it('answers a named example of the success status', () => {
    const scenarios = withScenario({ operationId: 'getThing', example: 'second' });
    expect(useScenario(scenarios, documented, spec, operation)?.answer?.response).toMatchObject({
      status: 200,
      body: { id: 'two' },
    });
  });

  it('answers a copy of the given body every time it applies', () => {
    const scenarios = withScenario({ operationId: 'getThing', body: { id: 'forced' }, times: 2 });
    const first = useScenario(scenarios, documented, spec, operation)?.answer;
    (first?.response.body as Record<string, unknown>).id = 'changed by a caller';
    expect(useScenario(scenarios, documented, spec, operation)?.answer?.response.body).toEqual({
      id: 'forced',
    });
  });
});
