import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSpecFiles } from '../../src/openapi';
import { BUILTIN_VENDORS } from '../../src/vendors';
import { runCli, waitForOutput } from '../helpers/cli';
import { authHeaders } from '../helpers/credentials';
import { SEED_DIR, TEST_SPECS_DIR } from '../helpers/paths';

/**
 * A new vendor API is one spec file: served and verified next to the shipped ones with no module, no seed
 * file and no code change. And a name a spec or seed file gives that resolves in no module stops the mock
 * at start-up, saying where.
 */
const FIFTH_SPEC = join(TEST_SPECS_DIR, 'example-soc-cases.yaml');
const FIFTH_ID = 'example-soc-cases';
const serveArgs = (...specs: string[]) => ['serve', '--port', '0', ...specs.flatMap((s) => ['--spec', s])];

describe('a fifth, annotation-only vendor API', () => {
  it('has nothing but its spec file: no vendor module, no seed file', () => {
    expect(BUILTIN_VENDORS.map((m) => m.id)).not.toContain(FIFTH_ID);
    expect(existsSync(join(SEED_DIR, `${FIFTH_ID}.yaml`))).toBe(false);
  });

  it('is served next to the shipped specs, with the credentials it declares, and verifies clean', async () => {
    const serve = runCli(serveArgs(...listSpecFiles(), FIFTH_SPEC));
    try {
      const [, url] = await waitForOutput(serve, /listening on (http:\/\/\S+)/);
      await waitForOutput(serve, /Admin API/);
      expect(serve.output()).toMatch(new RegExp(`${FIFTH_ID}\\s+7 operations\\s+Example SOC cases API`));
      expect(serve.output()).toMatch(/socToken\s+Authorization: Bearer example-soc-token/);
      const verify = runCli(['verify', '--base-url', url, '--spec', FIFTH_SPEC]);
      const code = await verify.exited;
      if (code !== 0) throw new Error(verify.output());
      expect(verify.output()).toMatch(new RegExp(`${FIFTH_ID}\\s+7\\s+\\d+\\s+0\\s+0`));
      expect(verify.output()).toContain('PASS: the implementation conforms to the contracts');
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});

describe('names that resolve in no vendor module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secmock-binding-'));

  it('a misspelt behaviour stops `secmock serve` with the file, the line, the JSON pointer and the name', async () => {
    // The copy keeps the spec's id (its file name), so the name is looked up in that spec's module.
    const spec = join(dir, 'manageengine-incidents.yaml');
    const original = readFileSync(
      listSpecFiles().find((f) => f.endsWith('manageengine-incidents.yaml')) as string,
      'utf8',
    );
    writeFileSync(spec, original.replace('behaviour: getIncident\n', 'behaviour: getIncidnet\n'));
    const line =
      readFileSync(spec, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('getIncidnet')) + 1;
    const run = runCli(serveArgs(spec));
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(
      `manageengine-incidents.yaml:${line} #/paths/~1api~1v2~1incident~1{incident_id}/get/x-secmock/behaviour: ` +
        "unknown behaviour 'getIncidnet': vendor module 'manageengine-incidents' defines no such behaviour " +
        "(did you mean 'getIncident'?)",
    );
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('a behaviour in a spec whose id no module has is refused too, not served as generic CRUD', async () => {
    const spec = join(dir, 'renamed-vendor.yaml');
    copyFileSync(listSpecFiles().find((f) => f.endsWith('manageengine-incidents.yaml')) as string, spec);
    const run = runCli(serveArgs(spec));
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(
      /renamed-vendor\.yaml:\d+ #\/paths\/~1api~1v2~1incident~1\{incident_id\}\/get\/x-secmock\/behaviour: unknown behaviour 'getIncident': no vendor module has the id 'renamed-vendor'/,
    );
  });

  it('a misspelt generator in a seed file (--seed-dir) stops it with the seed file and pointer', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'secmock-seeds-'));
    writeFileSync(join(seeds, `${FIFTH_ID}.yaml`), 'generators:\n  - name: cases\n');
    const run = runCli([...serveArgs(FIFTH_SPEC), '--seed-dir', seeds]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain(
      `${FIFTH_ID}.yaml:2 #/generators/0/name: unknown generator 'cases': no vendor module has the id '${FIFTH_ID}'`,
    );
  });

  it('a seed file from --seed-dir seeds an annotation-only spec', async () => {
    const seeds = mkdtempSync(join(tmpdir(), 'secmock-seeds-'));
    writeFileSync(
      join(seeds, `${FIFTH_ID}.yaml`),
      'collections:\n  cases:\n    count: 3\n    fields:\n      title: { template: "Case ${n}" }\n',
    );
    const serve = runCli([...serveArgs(FIFTH_SPEC), '--seed-dir', seeds]);
    try {
      const [, url] = await waitForOutput(serve, /listening on (http:\/\/\S+)/);
      const response = await fetch(`${url}/soc/v2/cases`, {
        headers: authHeaders(FIFTH_SPEC),
      });
      const body = (await response.json()) as {
        cases: Array<{ case_id: string; title: string }>;
        total: number;
      };
      expect(body.total).toBe(3);
      expect(body.cases.map((c) => [c.case_id, c.title])).toEqual([
        ['CASE-00001', expect.stringMatching(/^Case \d$/)],
        ['CASE-00002', expect.stringMatching(/^Case \d$/)],
        ['CASE-00003', expect.stringMatching(/^Case \d$/)],
      ]);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
