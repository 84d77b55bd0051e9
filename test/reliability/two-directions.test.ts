import { METHODS } from 'node:http';
import { startMock, type RunningMock } from '../../src/server/serve';
import type { JsonSchema, Operation, Parameter, SpecModel } from '../../src/openapi/model';
import { ResponseValidator } from '../../src/validate/response';
import { SchemaCompiler } from '../../src/schema/compile';
import { shippedSpecs } from '../helpers/specs';
import { FuzzSession, storedKey, type FuzzRequest } from './helpers/fuzz-target';
import { closeRawAgent, sendRaw, type RawResponse } from './helpers/raw-http';
import { formsOf, probesFor, type Probe, type RuleClass } from './helpers/rule-probes';
import { smallFixturesDir } from './helpers/small-fixtures';
import { removeTempDirs } from './helpers/temp-dirs';
import { answerProblems } from './helpers/verdict';

/**
 * The mock and its contract agree in both directions, for every operation of every shipped spec: what a
 * field's declared rule forbids (integer formats and ranges, fractions in integer fields, impossible dates,
 * patterns, required non-empty values) is refused in the vendor's envelope, naming the field, with nothing
 * stored; and an edge value the rule allows is never refused for that field. Both at the level the mock
 * enforces by default (what the vendor accepts) and with `Prefer: strict=true` (the document's rules).
 * Methods a path lacks, standard or not, are refused with 405 and `Allow`.
 */
type Level = 'vendor' | 'strict';

interface Tally {
  forbidden: Record<string, number>;
  allowed: Record<string, number>;
  /** Allowed probes answered with a success (the rest were refused for another reason, e.g. a missing entity). */
  allowedAnswered2xx: number;
  methods: number;
}

const tallies: Record<string, Tally> = {};
let seedDir: string;

beforeAll(() => {
  seedDir = smallFixturesDir();
});

afterAll(() => {
  closeRawAgent();
  removeTempDirs();
  const rows = Object.entries(tallies).map(
    ([id, t]) =>
      `  ${id.padEnd(24)} methods ${t.methods}  refused ${JSON.stringify(t.forbidden)}  allowed ${JSON.stringify(t.allowed)} (${t.allowedAnswered2xx} answered 2xx)`,
  );
  console.log(`contract rules probed in both directions:\n${rows.join('\n')}`);
});

describe.each(shippedSpecs())('%s: the mock refuses exactly what its contract forbids', (specId, file) => {
  let mock: RunningMock;
  let spec: SpecModel;
  let session: FuzzSession;
  const responses = new ResponseValidator(new SchemaCompiler());
  const tally: Tally = { forbidden: {}, allowed: {}, allowedAnswered2xx: 0, methods: 0 };

  beforeAll(async () => {
    mock = await startMock({ specs: [file], port: 0, seedDir, warn: () => undefined });
    spec = mock.app.mock.specs[0];
    const runtime = mock.app.mock;
    session = new FuzzSession(spec, mock.url, new SchemaCompiler(), {
      now: () => runtime.clock.now(),
      knownKey: (operation) => storedKey(runtime, operation),
    });
    await session.login();
    tallies[specId] = tally;
  });

  afterAll(async () => {
    await mock.close();
  });

  it('answers every method a path lacks with 405, Allow and the vendor envelope', async () => {
    const problems: string[] = [];
    const byPath = new Map<string, Operation[]>();
    for (const operation of spec.operations)
      byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
    // CONNECT opens a tunnel and OPTIONS is the browser's CORS preflight: neither reaches an operation.
    const others = METHODS.filter((m) => m !== 'CONNECT' && m !== 'OPTIONS');
    for (const [path, operations] of byPath) {
      const allow = operations.map((op) => op.method.toUpperCase()).sort();
      const target = operations[0];
      const base = session.authorized(target, session.baseRequest(target));
      const url = base.target.split('?')[0];
      // A templated path that also matches this URL takes its own methods (GET /alerts/{uuid} for GET
      // /alerts/investigation_actions): the router tries the most specific path that has the method.
      const elsewhere = spec.operations
        .filter((op) => op.path !== path && templateMatches(op.path, url))
        .map((op) => op.method.toUpperCase());
      for (const method of others.filter((m) => !allow.includes(m) && !elsewhere.includes(m))) {
        const response = await sendRaw(mock.url, { ...base, method, body: undefined });
        tally.methods++;
        if (response.status !== 405 || response.headers.allow !== allow.join(', '))
          problems.push(`${method} ${path}: ${response.status} allow=${response.headers.allow ?? '(none)'}`);
        else if (method !== 'HEAD')
          problems.push(
            ...answerProblems(spec, target, response, responses).map((p) => `${method} ${path}: ${p}`),
          );
      }
    }
    expect(problems).toEqual([]);
    expect(tally.methods).toBeGreaterThan(0);
  });

  it.each<Level>(['vendor', 'strict'])(
    'refuses what each field rule forbids and takes the edges it allows (%s level)',
    async (level) => {
      const problems: string[] = [];
      for (const operation of spec.operations) {
        mock.app.mock.reset();
        await session.login();
        for (const field of fieldsOf(operation, level, session.baseRequest(operation))) {
          for (const probe of probesFor(field.schema)) {
            if (!field.testable(probe)) continue;
            problems.push(...(await judge(operation, field, probe, level)));
          }
        }
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );

  async function judge(operation: Operation, field: Field, probe: Probe, level: Level): Promise<string[]> {
    const request = field.apply(probe);
    if (level === 'strict') request.headers = { ...request.headers, prefer: 'strict=true' };
    // An allowed value is sent to the world as the fixtures left it, so that an earlier probe (a create of
    // the same name) cannot be the reason it is refused.
    if (!probe.forbidden) mock.app.mock.reset();
    const before = fingerprint();
    let response = await sendRaw(mock.url, session.authorized(operation, request));
    if (response.status === 401 && session.usesIssuedCredential(operation)) {
      // An accepted edge value may have changed the account the session belongs to: log in again.
      await session.login();
      response = await sendRaw(mock.url, session.authorized(operation, request));
    }
    const where = `${operation.operationId} ${field.name} = ${probe.json} (${probe.label}, ${level})`;
    const names = new RegExp(`\\b${escape(field.leaf)}\\b`).test(response.text);
    const counts = probe.forbidden ? tally.forbidden : tally.allowed;
    counts[probe.ruleClass] = (counts[probe.ruleClass] ?? 0) + 1;
    if (!probe.forbidden && response.status < 300) tally.allowedAnswered2xx++;
    const problems = answerProblems(spec, operation, response, responses).map((p) => `${where}: ${p}`);
    if (probe.forbidden) {
      if (!refusal(operation, response) || !names)
        problems.push(`${where}: forbidden, but answered ${response.status} ${response.text.slice(0, 200)}`);
      else if (fingerprint() !== before) problems.push(`${where}: refused, but the store changed`);
    } else if (response.status >= 400 && response.status < 500 && names && mentionsRule(response, probe)) {
      problems.push(`${where}: allowed, but refused: ${response.status} ${response.text.slice(0, 200)}`);
    }
    return problems;
  }

  function refusal(operation: Operation, response: RawResponse): boolean {
    const statuses = Object.values({ ...spec.errors, ...operation.mock.errors }).map((t) => t?.status);
    return statuses.includes(response.status) && response.status < 500;
  }

  function fingerprint(): string {
    const store = mock.app.mock.store;
    return `${store.revision}`;
  }
});

/** A refusal of an allowed value for the field's own rule (not, say, a duplicate name or a missing entity). */
function mentionsRule(response: RawResponse, probe: Probe): boolean {
  const words: Record<RuleClass, RegExp> = {
    int32: /int32|integer|maximum|minimum/i,
    int64: /int64|integer|maximum|minimum/i,
    integer: /integer/i,
    date: /date|format|allowed forms|match/i,
    pattern: /pattern|match/i,
    'non-empty': /fewer|shorter|empty|at least/i,
  };
  return words[probe.ruleClass].test(response.text);
}

function templateMatches(template: string, url: string): boolean {
  const source = template
    .split(/\{[^}]+\}/)
    .map(escape)
    .join('[^/]+');
  return new RegExp(`^${source}/?$`).test(url);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Field {
  /** Where it is, as the mock's violations name it (`body.due_date`, `query.limit`). */
  name: string;
  leaf: string;
  schema: JsonSchema;
  testable: (probe: Probe) => boolean;
  apply: (probe: Probe) => FuzzRequest;
}

/**
 * The fields of an operation's request at one level: its query and path parameters, and the properties of
 * its JSON body that the valid request has a parent for (a nested field is probed inside the valid body).
 */
function fieldsOf(operation: Operation, level: Level, base: FuzzRequest): Field[] {
  const view =
    level === 'vendor' && operation.accepts
      ? { parameters: operation.accepts.parameters, requestBody: operation.accepts.requestBody }
      : operation;
  const fields: Field[] = [];
  for (const parameter of view.parameters) {
    if ((parameter.in !== 'query' && parameter.in !== 'path') || !parameter.schema) continue;
    fields.push(parameterField(parameter, base));
  }
  const media = view.requestBody?.content.find((m) => /json/.test(m.contentType));
  if (media?.schema && base.body !== undefined) {
    const body: unknown = JSON.parse(base.body);
    for (const [path, schema] of bodyFields(media.schema, body, [], 0))
      fields.push(bodyField(path, schema, body, base, bodyIsOneShape(operation, level)));
  }
  return fields;
}

/**
 * Where the vendor takes more than one body shape (`accepts.bodies`), a value the probed shape forbids may
 * still be taken as another shape: only allowed values are judged there.
 */
function bodyIsOneShape(operation: Operation, level: Level): boolean {
  return level === 'strict' || !operation.accepts || (operation.accepts.bodies ?? []).length === 0;
}

function parameterField(parameter: Parameter, base: FuzzRequest): Field {
  const name = `${parameter.in}.${parameter.name}`;
  return {
    name,
    leaf: parameter.name,
    schema: parameter.schema as JsonSchema,
    // An empty list cannot be put in a query string, and an empty path segment is another path.
    testable: (probe) => probe.json !== '[]' && !(parameter.in === 'path' && probe.text.trim() === ''),
    apply: (probe) => {
      if (parameter.in === 'path')
        return { ...base, path: { ...base.path, [parameter.name]: encodeURIComponent(probe.text) } };
      const query = base.query.filter(([n]) => n !== parameter.name);
      return { ...base, query: [...query, [parameter.name, probe.text]] };
    },
  };
}

function bodyField(
  path: string[],
  schema: JsonSchema,
  body: unknown,
  base: FuzzRequest,
  oneShape: boolean,
): Field {
  const placeholder = '(secmock rule probe)';
  return {
    name: `body.${path.join('.')}`,
    leaf: path[path.length - 1],
    schema,
    testable: (probe) => oneShape || !probe.forbidden,
    apply: (probe) => {
      const copy = structuredClone(body) as Record<string, unknown>;
      let parent: Record<string, unknown> = copy;
      for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
      parent[path[path.length - 1]] = placeholder;
      // The probe goes in as JSON text, so that an integer past 2^53 keeps its digits.
      return { ...base, body: JSON.stringify(copy).replace(JSON.stringify(placeholder), probe.json) };
    },
  };
}

/** Body fields with a rule this test probes, whose parent object exists in the valid body. */
function bodyFields(
  schema: JsonSchema,
  value: unknown,
  path: string[],
  depth: number,
): Array<[string[], JsonSchema]> {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  const found: Array<[string[], JsonSchema]> = [];
  for (const form of formsOf(schema)) {
    if (Array.isArray(value)) {
      const items = form.items as JsonSchema | undefined;
      if (items && value.length > 0) found.push(...childFields(items, value[0], [...path, '0'], depth));
      continue;
    }
    for (const [name, property] of Object.entries((form.properties ?? {}) as Record<string, JsonSchema>))
      found.push(...childFields(property, (value as Record<string, unknown>)[name], [...path, name], depth));
    if (formsOf(schema).length > 1) break;
  }
  return found;
}

function childFields(
  schema: JsonSchema,
  value: unknown,
  path: string[],
  depth: number,
): Array<[string[], JsonSchema]> {
  const own: Array<[string[], JsonSchema]> = probesFor(schema).length > 0 ? [[path, schema]] : [];
  return [...own, ...bodyFields(schema, value, path, depth + 1)];
}
