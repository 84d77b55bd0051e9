import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBrokenApp } from '../fixtures/apps';
import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { explain } from '../helpers/contract';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * A verifier pointed at a shared, stateful environment: it can run again and again (its unique values are
 * its own), it deletes what it created, and it reaches an implementation behind a gateway path. These runs
 * name no secmock session (`session: false`): they stand for a real implementation, whose data is shared.
 */
describe('secmock verify against a shared, stateful implementation', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [VENDOR_SPECS.manageEngine] });
  });
  afterAll(async () => mock.close());
  beforeEach(async () => {
    await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
  });

  const incidents = async () => {
    const state = (await (await fetch(`${mock.url}/__secmock/state`)).json()) as {
      collections: Record<string, { count: number }>;
    };
    return state.collections.incidents.count;
  };

  it('deletes what it created: the stored incidents are as it found them', async () => {
    const before = await incidents();
    const result = await verify({ session: false, baseUrl: mock.url, specs: [VENDOR_SPECS.manageEngine] });
    if (!result.summary.ok) throw new Error(explain(result));
    expect(result.summary.cleanup.deleted).toBeGreaterThan(0);
    expect(result.summary.cleanup.left).toEqual([]);
    expect(await incidents()).toBe(before);
  });

  it('passes a second run with the same seed, even when the first one left its data behind', async () => {
    const options = { baseUrl: mock.url, specs: [VENDOR_SPECS.manageEngine], seed: 3 };
    const first = await verify({ session: false, ...options, keepData: true });
    if (!first.summary.ok) throw new Error(explain(first));
    const second = await verify({ session: false, ...options, keepData: true });
    if (!second.summary.ok) throw new Error(explain(second));
    // Every create the run generated was made again: none collided with a name the first run left.
    const generatedCreates = second.events.flatMap((e) =>
      e.type === 'case' &&
      e.testCase.operation.operationId === 'createIncident' &&
      (e.testCase.kind === 'chain' || e.testCase.kind === 'generated')
        ? [`${e.testCase.label}: ${e.response.status}`]
        : [],
    );
    expect(generatedCreates).toEqual([
      'incidents chain: create: 200',
      'incidents chain: create another: 200',
      'generated valid body: 200',
    ]);
  });

  it('gives the values the vendor keeps unique a per-run token, unless one is given', async () => {
    const names = async (runToken?: string) => {
      const result = await verify({
        session: false,
        baseUrl: mock.url,
        specs: [VENDOR_SPECS.manageEngine],
        operations: ['createIncident'],
        ...(runToken ? { runToken } : {}),
      });
      return result.events.flatMap((e) =>
        e.type === 'case' && e.testCase.label === 'generated valid body'
          ? [(JSON.parse(e.testCase.request.body ?? '{}') as { name: string }).name]
          : [],
      );
    };
    const [first] = await names();
    const [second] = await names();
    expect(first).not.toBe(second);
    expect(await names('build42')).toEqual([expect.stringMatching(/-build42$/)]);
  });

  it('with keepData leaves what it created and reports each entity it kept', async () => {
    const before = await incidents();
    const result = await verify({
      session: false,
      baseUrl: mock.url,
      specs: [VENDOR_SPECS.manageEngine],
      keepData: true,
    });
    expect(result.summary.cleanup.deleted).toBe(0);
    expect(result.summary.cleanup.left.length).toBeGreaterThan(0);
    expect(result.summary.cleanup.left.every((e) => e.outcome === 'kept' && e.detail === '--keep-data')).toBe(
      true,
    );
    expect(await incidents()).toBe(before + result.summary.cleanup.left.length);
  });

  it('keeps the path of the base URL: an implementation behind a gateway prefix is verified there', async () => {
    const gateway = await startGateway('/gateway', mock.url);
    try {
      const result = await verify({
        session: false,
        baseUrl: `${gateway.url}/gateway/`,
        specs: [VENDOR_SPECS.manageEngine],
        operations: ['listIncidents'],
      });
      if (!result.summary.ok) throw new Error(explain(result));
      expect(gateway.paths.length).toBeGreaterThan(0);
      expect(gateway.paths.every((p) => p.startsWith('/gateway/api/v2/incident'))).toBe(true);
    } finally {
      await gateway.close();
    }
  });

  it('does not crash, nor report a lost create, when a read answers the incident without its key', async () => {
    const withoutKey = await startBrokenApp(
      {
        name: 'read-without-key',
        breaks: 'nothing',
        description: 'answers GET /api/v2/incident/{id} without data.incident_id, as the vendor example does',
        hooks: {
          response: (req, reply) => {
            if (req.method !== 'GET' || !/\/api\/v2\/incident\/\d+/.test(req.url) || reply.status !== 200)
              return reply;
            const body = JSON.parse(reply.body) as { data: Record<string, unknown> };
            delete body.data.incident_id;
            return { ...reply, body: JSON.stringify(body) };
          },
        },
      },
      mock.url,
    );
    try {
      const result = await verify({
        session: false,
        baseUrl: withoutKey.url,
        specs: [VENDOR_SPECS.manageEngine],
      });
      if (!result.summary.ok) throw new Error(explain(result));
      const reads = result.events.filter(
        (e) => e.type === 'case' && e.testCase.label === 'incidents chain: read after create',
      );
      expect(reads).toHaveLength(1);
    } finally {
      await withoutKey.close();
    }
  });
});

/** A gateway that serves the upstream under a path prefix, and 404 anywhere else. */
async function startGateway(prefix: string, upstream: string) {
  const target = new URL(upstream);
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    paths.push(url);
    if (!url.startsWith(`${prefix}/`)) {
      res.writeHead(404).end();
      return;
    }
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: url.slice(prefix.length),
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
