import type { Operation } from '../../../src/openapi/model';
import { DEFAULT_API_TOKEN, laceworkMock, type Entity, type LaceworkMock } from './helpers';

/**
 * The mock answers every Lacework Edge operation within its spec: every read and list with seeded ids
 * succeeds, and every write sent with its request example (realistic values naming objects of the default
 * fixtures) succeeds with a schema-valid body (no x-secmock-violations), whether a behaviour or a generic
 * action runs.
 */
const PARENT: Record<string, string> = {
  listAlertInvestigationActions: 'alerts',
  listCustomerDatasetItems: 'datasets',
  listUserDevices: 'users',
};

function seededKey(mock: LaceworkMock, operation: Operation): string {
  const name = PARENT[operation.operationId] ?? operation.mock.resource;
  if (!name) return 'sessions';
  const resource = mock.app.mock.resources.get(name);
  const first = resource?.collection.list()[0];
  return first && resource ? String(resource.keyOf(first)) : 'unknown';
}

function queryFor(mock: LaceworkMock, operation: Operation): Record<string, string> {
  const first = (name: string) => String(mock.stored(name)[0]?.uuid ?? '');
  const values: Record<string, string> = {
    start_time: '0',
    end_time: '4102444800000',
    status_filter: '',
    appid: first('apps'),
    userid: first('users'),
    resolveDisplayNames: 'true',
    account: 'example',
    prefix: 'ui/',
  };
  const required = operation.parameters.filter((p) => p.in === 'query' && p.required);
  return Object.fromEntries(required.map((p) => [p.name, values[p.name] ?? 'x']));
}

/** The path with its documented example (a run the example answers), else a seeded key. */
function pathFor(mock: LaceworkMock, operation: Operation): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const documented = parameter?.examples[0]?.value ?? (parameter?.schema as { example?: unknown })?.example;
    return encodeURIComponent(documented === undefined ? seededKey(mock, operation) : String(documented));
  });
}

function authFor(operation: Operation, jwt: string): Record<string, string> {
  if (operation.security.length === 0) return {};
  const apiToken = operation.security.some((alt) => alt.some((r) => r.scheme === 'laceworkApiToken'));
  return { authorization: `Bearer ${apiToken ? DEFAULT_API_TOKEN : jwt}` };
}

function documentedRequest(operation: Operation): unknown {
  const media = operation.requestBody?.content.find((m) => m.contentType === 'application/json');
  return media?.examples[0]?.value;
}

describe('Lacework Edge operations answer within the spec', () => {
  let mock: LaceworkMock;
  let jwt: string;
  beforeAll(async () => {
    mock = await laceworkMock();
    jwt = String((await mock.tokenLogin()).body.token);
  });

  it('answers every GET operation 2xx with seeded ids, schema-valid', async () => {
    const operations = mock.app.mock.operationsOf('lacework-edge').filter((op) => op.method === 'get');
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const operation of operations) {
      const response = await mock.http
        .get(pathFor(mock, operation))
        .query(queryFor(mock, operation))
        .set(authFor(operation, jwt));
      const violations = response.headers['x-secmock-violations'] as string | undefined;
      if (response.status >= 300 || violations)
        failures.push(
          `${operation.operationId}: ${response.status} ${violations ?? JSON.stringify(response.body)}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('answers every write with its request example: the documented success, within the spec', async () => {
    const operations = mock.app.mock.operationsOf('lacework-edge').filter((op) => op.method !== 'get');
    const failures: string[] = [];
    for (const operation of operations) {
      mock.app.mock.reset();
      const login = await mock.tokenLogin();
      const auth = authFor(operation, String(login.body.token));
      const response = await mock.http[operation.method as 'post' | 'put' | 'delete'](
        pathFor(mock, operation),
      )
        .query(queryFor(mock, operation))
        .set(auth)
        .send(documentedRequest(operation) as Entity);
      const violations = response.headers['x-secmock-violations'] as string | undefined;
      // The request examples name objects of the default fixtures: each one succeeds on a fresh mock.
      if (response.status >= 300 || violations)
        failures.push(
          `${operation.operationId}: ${response.status} ${violations ?? response.text.slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
  });
});
