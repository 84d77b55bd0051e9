import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenApps, startBrokenApp } from '../fixtures/apps';
import { startMock, type RunningMock } from '../../src/server/serve';
import { runCli } from '../helpers/cli';
import { TINY_SPEC, VENDOR_SPECS } from '../helpers/paths';

/**
 * What a CI job reads from `secmock verify`: exit 0 when the implementation conforms, 1 when it departs
 * from the contracts, 2 when the run could not be made, with a message naming the cause and, where reports
 * were asked for, reports that say so.
 */
describe('secmock verify exit codes', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [VENDOR_SPECS.manageEngine, TINY_SPEC] });
  });
  afterAll(async () => mock.close());

  const verify = async (...args: string[]) => {
    const run = runCli(['verify', ...args]);
    const code = await run.exited;
    return { code, output: run.output() };
  };

  it('exits 0 when the implementation conforms', async () => {
    const { code, output } = await verify('-b', mock.url, '-s', TINY_SPEC);
    expect(output).toContain('PASS: the implementation conforms to the contracts');
    expect(code).toBe(0);
  });

  it('exits 1 when it departs from the contracts', async () => {
    const app = brokenApps().find((a) => a.app.breaks === 'undocumented_status')?.app;
    const proxy = await startBrokenApp(app as NonNullable<typeof app>, mock.url);
    try {
      const { code, output } = await verify('-b', proxy.url, '-s', VENDOR_SPECS.manageEngine);
      expect(output).toContain('FAIL: the implementation departs from the contracts');
      expect(code).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it.each([
    ['an unknown flag', ['--bogus'], /unknown option '--bogus'/],
    ['a flag value that is not a number', ['--seed', 'abc'], /--seed/],
    ['a base URL that is not http(s)', ['-b', 'ftp://127.0.0.1:21'], /--base-url takes an http\(s\) URL/],
    ['a spec file that does not exist', ['-s', 'specs/nope.yaml'], /nope\.yaml/],
    [
      'an operation that selects nothing',
      ['-o', 'nope'],
      /nothing to verify: --operation nope names no operation/,
    ],
    [
      'a tag that selects nothing',
      ['-t', 'no-such-tag'],
      /nothing to verify: --tag no-such-tag \(tags: Incident\)/,
    ],
  ])('exits 2 on %s, with a message naming it', async (_, args, message) => {
    const { code, output } = await verify('-b', mock.url, '-s', VENDOR_SPECS.manageEngine, ...args);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(code).toBe(2);
  });

  it('matches tags whatever their case: --tag jira is the Jira tag', async () => {
    const lower = await verify('-s', VENDOR_SPECS.aktoIntegrations, '-t', 'jira', '--dry-run');
    const documented = await verify('-s', VENDOR_SPECS.aktoIntegrations, '-t', 'Jira', '--dry-run');
    expect(lower.code).toBe(0);
    expect(lower.output).toBe(documented.output);
    expect(lower.output).toMatch(/\(jiraAdd\)/);
  });

  it('exits 2 when nothing answers, and still writes the reports it was asked for, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'secmock-unreachable-'));
    const report = `junit=${dir}/junit.xml,json=${dir}/report.json,html=${dir}/report.html`;
    const { code, output } = await verify('-b', 'http://127.0.0.1:9', '-s', TINY_SPEC, '-r', report);
    expect(output).toContain('cannot reach http://127.0.0.1:9');
    expect(output).not.toContain('server_error');
    expect(code).toBe(2);
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/errors="1"/);
    expect(junit).toMatch(/<error message="cannot reach http:\/\/127\.0\.0\.1:9/);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { error: string };
    expect(json.error).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:9/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('the run could not be made');
  });
});
