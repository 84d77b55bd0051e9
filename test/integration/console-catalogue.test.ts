import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startMock, type RunningMock } from '../../src/server';
import { loadSpecs } from '../../src/openapi';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * What the console shows of each operation must work when pasted: the curl line carries the credential the
 * operation needs where its scheme puts it, and the documented example body, quoted for a POSIX shell.
 */
const run = promisify(execFile);

interface CatalogueOperation {
  operationId: string;
  method: string;
  path: string;
  auth?: { scheme: string; placement: string; value: string };
  curl: string;
}

let mock: RunningMock;
let specs: Array<{ id: string; operations: CatalogueOperation[] }>;
const SERVED = [VENDOR_SPECS.manageEngine, VENDOR_SPECS.aktoIntegrations];

beforeAll(async () => {
  mock = await startMock({ port: 0, specs: SERVED });
  specs = ((await (await fetch(`${mock.url}/__secmock/specs`)).json()) as { specs: typeof specs }).specs;
});
afterAll(() => mock.close());

function operation(id: string): CatalogueOperation {
  const found = specs.flatMap((s) => s.operations).find((o) => o.operationId === id);
  if (!found) throw new Error(`no ${id} in the catalogue`);
  return found;
}

/** Runs the line as a developer would paste it, and reads the status curl got. */
async function paste(curl: string): Promise<number> {
  const { stdout } = await run('sh', ['-c', `${curl} -s -o /dev/null -w '%{http_code}'`]);
  return Number(stdout);
}

describe('the console catalogue', () => {
  it('lists every operation of every served spec with its method and path', async () => {
    const loaded = await loadSpecs(SERVED, { examples: false });
    expect(specs.map((s) => s.id)).toEqual(loaded.map((s) => s.id));
    for (const [i, spec] of loaded.entries())
      expect(specs[i].operations.map((o) => `${o.method} ${o.path}`)).toEqual(
        spec.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`),
      );
  });

  it('gives curl lines that work when pasted: bearer, API-key header and a JSON example body', async () => {
    const list = operation('listIncidents');
    expect(list.auth?.placement).toBe('Authorization: Bearer');
    expect(await paste(list.curl)).toBe(200);
    const create = operation('createIncident');
    expect(create.curl).toContain('--data');
    expect(await paste(create.curl)).toBe(200);
    const jira = operation('jiraAdd');
    expect(jira.auth?.placement).toBe('header x-api-key');
    expect(await paste(jira.curl)).toBe(200);
    // Without the credential the same line is refused: the line's credential is what opened it.
    expect(await paste(list.curl.replace(/-H 'Authorization: Bearer [^']+' /, ''))).toBe(401);
  });

  it('addresses the mock as the caller did', async () => {
    const viaLocalhost = await fetch(`${mock.url.replace('127.0.0.1', 'localhost')}/__secmock/specs`);
    const body = (await viaLocalhost.json()) as { specs: typeof specs };
    expect(body.specs[0].operations[0].curl).toContain(`http://localhost:${new URL(mock.url).port}/`);
  });
});
