import type {
  ErrorEnvelopes,
  JsonSchema,
  MediaTypeSpec,
  Operation,
  OperationAnnotation,
  Parameter,
  ResourceSpec,
  ResponseSpec,
  SecuritySchemeSpec,
  SpecModel,
} from '../../../src/openapi';
import {
  makeOperation as makeModelOperation,
  makeResource as makeModelResource,
  makeSpec as makeModelSpec,
} from '../helpers/model';
import type {
  CaseResponse,
  CheckInput,
  CheckTools,
  ChainStep,
  Expectation,
  TestCase,
} from '../../../src/contract/types';

/**
 * Small in-memory builders for the contract layer's unit tests: hand-built operations, specs, resources,
 * cases and answers, with defaults that every test can override. Nothing here reads a file or a socket.
 */

export const DEFAULT_ERRORS: ErrorEnvelopes = {
  validation: { status: 400, body: { error: 'invalid' } },
  unauthorized: { status: 401, body: { error: 'unauthorized' } },
  forbidden: { status: 403, body: { error: 'forbidden' } },
  notFound: { status: 404, body: { error: 'not found' } },
  conflict: { status: 409, body: { error: 'conflict' } },
  precondition: { status: 412, body: { error: 'precondition' } },
  tooLarge: { status: 413, body: { error: 'too large' } },
  rateLimited: { status: 429, body: { error: 'rate limited' } },
  internal: { status: 500, body: { error: 'internal' } },
};

export function jsonContent(schema?: JsonSchema, examples: unknown[] = []): MediaTypeSpec {
  return {
    contentType: 'application/json',
    ...(schema ? { schema } : {}),
    examples: examples.map((value, i) => ({ name: `example${i + 1}`, value, pointer: `/examples/${i}` })),
  };
}

/** A documented response: `response('200')`, `response('404', { content: [] })`. */
export function response(status: string, init: Partial<Omit<ResponseSpec, 'status'>> = {}): ResponseSpec {
  return { status, description: `${status} answer`, headers: [], content: [jsonContent()], ...init };
}

export function parameter(
  name: string,
  where: Parameter['in'],
  schema: JsonSchema,
  init: Partial<Omit<Parameter, 'name' | 'in' | 'schema'>> = {},
): Parameter {
  return { name, in: where, schema, required: where === 'path', examples: [], ...init };
}

export type OperationInit = Partial<Omit<Operation, 'mock'>> & {
  operationId: string;
  mock?: Partial<OperationAnnotation>;
};

/** The shared model builder (test/unit/helpers/model.ts) with this layer's defaults: spec `demo`, `/items`. */
export function makeOperation(init: OperationInit): Operation {
  return makeModelOperation({
    specId: 'demo',
    path: '/items',
    summary: `${init.operationId} summary`,
    responses: [response('200')],
    ...init,
  });
}

/** A path parameter `id` that is the resource key, and the annotation that says so. */
export function byKey(name = 'id', schema: JsonSchema = { type: 'string' }) {
  return {
    parameters: [parameter(name, 'path', schema)],
    id: { in: 'path' as const, path: [name], many: false },
  };
}

export function makeResource(init: Partial<ResourceSpec> & { name: string }): ResourceSpec {
  return makeModelResource({ specId: 'demo', ...init });
}

export function makeScheme(init: Partial<SecuritySchemeSpec> & { name: string }): SecuritySchemeSpec {
  return { type: 'apiKey', in: 'header', paramName: 'X-Api-Key', credentials: [], ...init };
}

export function makeSpec(
  init: Partial<Omit<SpecModel, 'operations'>> & { operations?: Operation[] } = {},
): SpecModel {
  const id = init.id ?? 'demo';
  return makeModelSpec({
    file: `${id}.yaml`,
    title: `${id} API`,
    version: '1.0.0',
    document: { openapi: '3.1.0', info: { title: `${id} API`, version: '1.0.0' }, paths: {} },
    errors: DEFAULT_ERRORS,
    ...init,
    id,
  });
}

export const ACCEPT_STRICT: Expectation = { kind: 'accept', strict: true };

export function chainStep(step: ChainStep): Expectation {
  return { kind: 'chain', step };
}

export function makeTestCase(init: Partial<TestCase> = {}): TestCase {
  const operation = init.operation ?? makeOperation({ operationId: 'listItems' });
  return {
    id: 1,
    spec: makeSpec({ id: operation.specId, operations: [operation] }),
    operation,
    kind: 'generated',
    label: 'valid request',
    request: { method: operation.method, path: operation.path, headers: { accept: 'application/json' } },
    expect: ACCEPT_STRICT,
    secrets: [],
    ...init,
  };
}

export function makeResponse(init: Partial<CaseResponse> = {}): CaseResponse {
  const body = 'body' in init ? init.body : { ok: true };
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body,
    text: body === undefined ? '' : JSON.stringify(body),
    durationMs: 12,
    ...init,
  };
}

/** No HTTP answer at all (a refused connection). */
export const NO_ANSWER = makeResponse({
  status: 0,
  headers: {},
  body: undefined,
  transportError: 'ECONNREFUSED',
});

export type Verdict = ReturnType<CheckTools['validateResponse']>;

/** A fake response validator that answers the given verdict and records what it was asked. */
export function fakeTools(verdict: Partial<Verdict> = {}): CheckTools & {
  calls: Array<{ operation: Operation; response: CaseResponse }>;
} {
  const calls: Array<{ operation: Operation; response: CaseResponse }> = [];
  return {
    calls,
    validateResponse(operation, answer) {
      calls.push({ operation, response: answer });
      return { documented: true, schema: [], headers: [], ...verdict };
    },
  };
}

/** The input of a check: a case with the given expectation, the given answer. */
export function checkInput(
  expect: Expectation,
  answer: CaseResponse,
  init: Partial<TestCase> & { budgetMs?: number } = {},
): CheckInput {
  const { budgetMs, ...testCase } = init;
  return { testCase: makeTestCase({ expect, ...testCase }), response: answer, budgetMs, history: [] };
}
