import type request from 'supertest';
import { CredentialBook } from '../../src/contract/plan/credentials';
import {
  jsonMedia,
  toRequest,
  validParts,
  withKey,
  type RequestParts,
} from '../../src/contract/plan/request-parts';
import type { CaseRequest } from '../../src/contract/types';
import { createFaker, hashSeed } from '../../src/generate';
import type { MockEngine } from '../../src/mock';
import type { NamedExample, Operation, Parameter, SpecModel } from '../../src/openapi';
import { storedKey } from '../reliability/helpers/fuzz-target';

/**
 * One request example of an operation, as the spec documents it: a named example of the JSON request body,
 * or a named example of one parameter. The rest of the request is the operation's valid request as the
 * verifier builds it (each parameter's first example, else a generated value; the body's first example).
 */
export interface RequestExample {
  operation: Operation;
  /** `body 'documented'`, `parameter incident_id 'example'`. */
  label: string;
  body?: NamedExample;
  parameter?: { parameter: Parameter; example: NamedExample };
}

/** Every request example of a spec, operation by operation in document order. */
export function requestExamples(spec: SpecModel): RequestExample[] {
  return spec.operations.flatMap((operation) => [
    ...(jsonMedia(operation)?.examples ?? []).map((body) => ({
      operation,
      label: `body '${body.name}'`,
      body,
    })),
    ...operation.parameters.flatMap((parameter) =>
      parameter.examples.map((example) => ({
        operation,
        label: `parameter ${parameter.name} '${example.name}'`,
        parameter: { parameter, example },
      })),
    ),
  ]);
}

/** The success status the operation documents: its lowest 2xx response (undefined when it has none). */
export function documentedSuccess(operation: Operation): number | undefined {
  const codes = operation.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300);
  return codes.length > 0 ? Math.min(...codes) : undefined;
}

/** Whether the parameter the operation reads its key from has no documented value of its own. */
function keyUndocumented(operation: Operation): boolean {
  const location = operation.mock.id;
  if (!location || (location.in !== 'path' && location.in !== 'query')) return false;
  const parameter = operation.parameters.find((p) => p.in === location.in && p.name === location.path[0]);
  return (
    parameter !== undefined &&
    parameter.examples.length === 0 &&
    (parameter.schema as { example?: unknown }).example === undefined
  );
}

/**
 * The request that sends the example. What the example documents is sent verbatim; an entity key the
 * example leaves undocumented (a `{uuid}` with no example) is a stored entity's, as the verifier's discovery
 * does, so the request addresses an entity that exists.
 */
export function exampleRequest(
  engine: MockEngine,
  book: CredentialBook,
  example: RequestExample,
): CaseRequest {
  const { operation } = example;
  const faker = createFaker(hashSeed('request-examples', operation.operationId, example.label));
  const body = example.body?.value ?? jsonMedia(operation)?.examples[0]?.value;
  let parts: RequestParts = validParts(operation, faker, engine.clock.now(), body);
  // validParts leaves GET bodies out for fetch's sake; a GET that documents a body example sends it.
  if (parts.body === undefined && body !== undefined) {
    parts.body = body;
    parts.contentType = jsonMedia(operation)?.contentType;
  }
  if (keyUndocumented(operation)) parts = withKey(operation, parts, storedKey(engine, operation));
  if (example.parameter) {
    const { parameter, example: value } = example.parameter;
    if (parameter.in === 'header')
      parts = {
        ...parts,
        headers: { ...parts.headers, [parameter.name.toLowerCase()]: String(value.value) },
      };
    else if (parameter.in === 'path' || parameter.in === 'query')
      parts = { ...parts, [parameter.in]: { ...parts[parameter.in], [parameter.name]: value.value } };
  }
  return toRequest(operation, parts, book);
}

export interface ExampleAnswer {
  status: number;
  body: unknown;
  violations?: string;
}

/** Sends a planned request through supertest. */
export async function send(http: ReturnType<typeof request>, sent: CaseRequest): Promise<ExampleAnswer> {
  let call = http[sent.method](sent.path);
  for (const [name, value] of Object.entries(sent.headers)) call = call.set(name, value);
  const response = sent.body === undefined ? await call : await call.send(sent.body);
  const violations = response.headers['x-secmock-violations'] as string | undefined;
  let body: unknown = response.text;
  try {
    body = JSON.parse(response.text) as unknown;
  } catch {
    // not JSON: keep the text
  }
  return violations === undefined
    ? { status: response.status, body }
    : { status: response.status, body, violations };
}

/**
 * The credentials of a fresh mock: the spec's documented ones, and for every scheme a login operation
 * issues (Lacework's JWT) the value that login answers. Logging in is the verifier's login step.
 */
export async function loggedIn(
  spec: SpecModel,
  engine: MockEngine,
  http: ReturnType<typeof request>,
): Promise<CredentialBook> {
  const book = new CredentialBook([spec], {}, {});
  for (const scheme of spec.securitySchemes) {
    if (!scheme.issuedBy || book.get(scheme.name) !== undefined) continue;
    const operation = spec.operations.find((op) => op.operationId === scheme.issuedBy?.operationId);
    if (!operation) throw new Error(`${spec.id}: no login operation ${scheme.issuedBy.operationId}`);
    const faker = createFaker(hashSeed('request-examples', 'login', scheme.name));
    const parts = validParts(operation, faker, engine.clock.now(), jsonMedia(operation)?.examples[0]?.value);
    const sent = toRequest(operation, parts, book);
    const answer = await send(http, sent);
    const value = (answer.body as Record<string, unknown> | undefined)?.[scheme.issuedBy.field];
    if (typeof value !== 'string')
      throw new Error(`${spec.id}: login for ${scheme.name} failed: ${describeExchange(sent, answer)}`);
    book.set(scheme.name, value);
  }
  return book;
}

/**
 * The operation that creates an entity of the resource (an integration before its tickets), the one the
 * verifier's setup step picks.
 */
export function creatorOf(spec: SpecModel, resource: string): Operation | undefined {
  return spec.operations.find(
    (op) => op.mock.resource === resource && (op.mock.action === 'upsert' || op.mock.action === 'create'),
  );
}

/** Whether the mock holds no entity of the resource. */
export function isEmpty(engine: MockEngine, resource: string): boolean {
  const runtime = engine.resources.get(resource);
  return runtime !== undefined && runtime.collection.list().length === 0;
}

const ADDRESSING: ReadonlyArray<Operation['mock']['action']> = ['read', 'update', 'delete', 'exists'];

/**
 * The resources an operation's examples need before they can succeed: what it declares it `requires` (a
 * Jira integration before Jira tickets) and the resource whose entity it addresses by key.
 */
export function neededResources(operation: Operation): string[] {
  const { resource, action, id, requires } = operation.mock;
  const addressed = resource && id && action && ADDRESSING.includes(action) ? [resource] : [];
  return [...new Set([...requires, ...addressed])];
}

function clip(text: string, max = 1500): string {
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

/** A request and its answer, as a failure shows them. */
export function describeExchange(sent: CaseRequest, answer: ExampleAnswer): string {
  const auth = Object.keys(sent.headers).filter((h) => h === 'authorization' || h.includes('key'));
  const headers = Object.fromEntries(
    Object.entries(sent.headers).map(([k, v]) => [k, auth.includes(k) ? '<credential>' : v]),
  );
  return [
    `request: ${sent.method.toUpperCase()} ${sent.path} ${JSON.stringify(headers)}`,
    ...(sent.body === undefined ? [] : [`  body: ${clip(sent.body)}`]),
    `answer: ${answer.status}${answer.violations ? ` (x-secmock-violations: ${answer.violations})` : ''}`,
    `  body: ${clip(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))}`,
  ].join('\n');
}
