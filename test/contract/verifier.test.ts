import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenApps, startBrokenApp } from '../fixtures/apps';
import { runVerify } from '../../src/commands/verify';
import { verify } from '../../src/contract/verify';
import { TargetUnreachableError } from '../../src/contract';
import { startMock, type RunningMock } from '../../src/server/serve';
import { TINY_SPEC, VENDOR_SPECS } from '../helpers/paths';
import { authHeaders } from '../helpers/credentials';

describe('secmock verify: options, reports and reproductions', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [VENDOR_SPECS.manageEngine, TINY_SPEC] });
  });
  afterAll(async () => mock.close());

  it('reports each finding with a curl line that reproduces it, credentials masked', async () => {
    const app = brokenApps().find((a) => a.app.breaks === 'response_schema')?.app;
    const proxy = await startBrokenApp(app as NonNullable<typeof app>, mock.url);
    try {
      const result = await verify({
        baseUrl: proxy.url,
        specs: [VENDOR_SPECS.manageEngine],
        operations: ['listIncidents'],
      });
      const finding = result.findings.find((f) => f.check === 'response_schema');
      expect(finding).toMatchObject({
        operationId: 'listIncidents',
        failure: { path: 'body.data', expected: 'is required', actual: 'missing' },
      });
      expect(finding?.curl).toMatch(
        new RegExp(
          `^curl -sS -X GET '${proxy.url}/api/v2/incident' -H 'x-secmock-session: verify-[0-9a-z]{6}' -H 'accept: application/json' -H 'authorization: Bearer \\*\\*\\*\\*'$`,
        ),
      );
      const reproduced = await fetch(`${proxy.url}/api/v2/incident`, {
        headers: authHeaders(VENDOR_SPECS.manageEngine),
      });
      expect(await reproduced.json()).not.toHaveProperty('data');
    } finally {
      await proxy.close();
    }
  });

  it('turns failures listed in a known-deviations file into "known"', async () => {
    const app = brokenApps().find((a) => a.app.breaks === 'content_type')?.app;
    const proxy = await startBrokenApp(app as NonNullable<typeof app>, mock.url);
    const file = join(mkdtempSync(join(tmpdir(), 'secmock-')), 'known.yaml');
    writeFileSync(
      file,
      '- operation: manageengine-incidents/listIncidents\n  check: content_type\n  reason: the vendor labels lists text/plain\n',
    );
    try {
      const result = await verify({
        baseUrl: proxy.url,
        specs: [VENDOR_SPECS.manageEngine],
        operations: ['listIncidents'],
        knownDeviations: file,
      });
      const contentType = result.findings.filter((f) => f.check === 'content_type');
      expect(contentType.length).toBeGreaterThan(0);
      expect(contentType.every((f) => f.known === 'the vendor labels lists text/plain')).toBe(true);
      expect(result.summary.checks.known).toBe(contentType.length);
    } finally {
      await proxy.close();
    }
  });

  it('--read-only never sends a mutating request', async () => {
    await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
    const result = await verify({ baseUrl: mock.url, specs: [VENDOR_SPECS.manageEngine], readOnly: true });
    const sent = result.events.flatMap((e) => (e.type === 'case' ? [e.testCase.request.method] : []));
    expect(new Set(sent)).toEqual(new Set(['get']));
    const log = (await (await fetch(`${mock.url}/__secmock/requests?limit=1000`)).json()) as {
      requests: Array<{ method: string }>;
    };
    expect(log.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(result.events.filter((e) => e.type === 'skipped').length).toBe(3);
  });

  it('writes JUnit (one testcase per operation), JSON and self-contained HTML reports; exits 1 on failure', async () => {
    const app = brokenApps().find((a) => a.app.breaks === 'undocumented_status')?.app;
    const proxy = await startBrokenApp(app as NonNullable<typeof app>, mock.url);
    const dir = mkdtempSync(join(tmpdir(), 'secmock-reports-'));
    const lines: string[] = [];
    try {
      const code = await runVerify({
        baseUrl: proxy.url,
        specs: [VENDOR_SPECS.manageEngine],
        report: `junit=${dir}/junit.xml,json=${dir}/report.json,html=${dir}/report.html`,
        out: (l) => lines.push(l),
      });
      expect(code).toBe(1);
    } finally {
      await proxy.close();
    }
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(1);
    expect(junit).toMatch(/<testsuite name="manageengine-incidents" tests="5" failures="[1-5]" skipped="0" /);
    expect(junit.match(/<testcase /g)).toHaveLength(5);
    // The failing read names its operation, and its one failure lists the check that caught it.
    expect(junit).toMatch(
      /<testcase classname="manageengine-incidents" name="GET \/api\/v2\/incident\/\{incident_id\} \(getIncident\)"><failure message="\d+ failures?; first: \[[a-z_]+\] [^"]*" type="[a-z_,]*undocumented_status[a-z_,]*">/,
    );
    expect(junit.match(/<failure /g)?.length).toBe(Number(/failures="(\d)"/.exec(junit)?.[1]));
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      summary: { ok: boolean };
      findings: unknown[];
      run: { baseUrl: string; seed: number; readOnly: boolean; startedAt: string; version: string };
      coverage: { total: { operations: { covered: number; total: number } } };
    };
    expect(json.summary.ok).toBe(false);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.run).toMatchObject({
      baseUrl: proxy.url,
      seed: 1,
      readOnly: false,
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(Date.parse(json.run.startedAt)).not.toBeNaN();
    expect(json.coverage.total.operations).toEqual({ covered: 5, total: 5, percent: 100 });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h1>secmock verify: <span class="fail">FAIL</span></h1>');
    expect(html).toContain('<h2>API coverage</h2>');
    expect(html).toMatch(/<h2>Passed \(\d\)<\/h2>/);
    expect(html).not.toMatch(/<(script|link)\b/);
    expect(lines.find((l) => l.startsWith('operations '))).toMatch(/^operations 5, cases \d+ \(\d+ failed\)/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^coverage manageengine-incidents: operations 5\/5 \(100 %\), statuses \d+\/\d+ /,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^coverage total: operations 5\/5 \(100 %\)/));
  });

  it('--dry-run prints the plan and sends nothing', async () => {
    const lines: string[] = [];
    expect(
      await runVerify({
        baseUrl: 'http://127.0.0.1:9',
        specs: [VENDOR_SPECS.manageEngine],
        dryRun: true,
        out: (l) => lines.push(l),
      }),
    ).toBe(0);
    expect(lines[0]).toBe('manageengine-incidents (5 operations)');
    expect(lines).toContain(
      '  chain incidents: create -> create another -> read after create -> list after create -> update -> read after update -> delete -> read after delete -> list after delete',
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /GET {4}\/api\/v2\/incident \(listIncidents\): 1 positive, \d+ negative, 2 auth; probes: pages, filter query.severity, filter query.status, filter query.created_by, filter query.assignee$/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/\(getIncident\): .*; probes: unknown id$/));
    expect(lines[lines.length - 1]).toBe('  clean up: delete what the run created');
  });

  it('stops with an error naming the target when nothing answers, rather than a wall of findings', async () => {
    const run = verify({
      baseUrl: 'http://127.0.0.1:9',
      specs: [TINY_SPEC],
      operations: ['listNotes'],
      timeoutMs: 2000,
    });
    await expect(run).rejects.toBeInstanceOf(TargetUnreachableError);
    await expect(run).rejects.toThrow('cannot reach http://127.0.0.1:9');
  });
});
