import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/server/serve';
import { CLI, runCli, waitForOutput } from '../helpers/cli';
import { ROOT, TINY_SPEC } from '../helpers/paths';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to its end (serve only ends when it refuses to start). */
function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'secmock-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** A refusal of the command line: exit 2, the message on stderr, and no stack trace. */
function expectRefused(outcome: Outcome, message: RegExp | string): void {
  expect(outcome.stderr).toMatch(message);
  expect(outcome.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(outcome.code).toBe(2);
}

describe('the command line itself', () => {
  it('prints help on stdout and exits 0 with no arguments, with help and with --help', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const outcome = await cli(...args);
      expect(outcome).toMatchObject({ code: 0, stderr: '' });
      expect(outcome.stdout).toMatch(/^Usage: secmock \[options\] \[command\]/);
    }
  });

  it('prints the version of package.json with --version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 on an unknown command, naming it', async () => {
    expectRefused(await cli('serv'), /unknown command 'serv'[\s\S]*Did you mean serve\?/);
  });
});

describe('secmock serve refuses what it cannot use, naming the flag or file', () => {
  const serve = (...args: string[]) => cli('serve', '--port', '0', '-s', TINY_SPEC, ...args);

  it.each([
    [
      'a credentials file that does not exist',
      () => join(dir, 'nope.json'),
      /--credentials .*nope\.json: no such file/,
    ],
    [
      'a credentials file that is not JSON',
      () => file('broken.json', '{"tinyKey": ['),
      /--credentials .*broken\.json: not JSON/,
    ],
    [
      'a credential given as a bare string (it printed "Bearer undefined")',
      () => file('strings.json', '{"tinyKey": ["my-key"]}'),
      /--credentials .*strings\.json: \$\.tinyKey\[0\]: must be object; expected \{ "<securityScheme>"/,
    ],
    [
      'a credential without a value, or with a misspelt field',
      () => file('fields.json', '{"tinyKey": [{"scope": ["a"]}]}'),
      /\$\.tinyKey\[0\]\.value: is required; \$\.tinyKey\[0\]\.scope: is not allowed/,
    ],
    [
      'a scheme no served spec declares',
      () => file('typo.json', '{"tinyKy": [{"value": "k"}]}'),
      /--credentials .*typo\.json: no spec declares the security scheme 'tinyKy' \(did you mean 'tinyKey'\?\)/,
    ],
  ])('%s', async (_, path, message) => {
    expectRefused(await serve('--credentials', path()), message);
  });

  it('a body limit that is not a size', async () => {
    expectRefused(
      await serve('--body-limit', 'huge'),
      /option '--body-limit <size>' argument 'huge' is invalid\. 'huge' is not a size such as 1mb or 500kb/,
    );
  });

  it('a seed directory that does not exist', async () => {
    expectRefused(
      await serve('--seed-dir', join(dir, 'no-seeds')),
      /--seed-dir .*no-seeds: no such directory/,
    );
  });

  it('a spec that is neither a file nor a bundled spec id, with the closest id', async () => {
    expectRefused(
      await cli('serve', '--port', '0', '-s', 'manageengine-incident'),
      "--spec manageengine-incident: neither a spec file nor the id of a bundled spec (did you mean 'manageengine-incidents'?)",
    );
    expectRefused(await cli('serve', '-s', 'specs/nope.yaml'), /bundled spec ids: .*manageengine-incidents/);
  });

  it('serves a bundled spec named by its id, with a valid credentials file', async () => {
    const creds = file('me.json', '{"meAuthToken": [{"value": "mine", "scopes": ["incident.READ"]}]}');
    const run = runCli(['serve', '--port', '0', '-s', 'manageengine-incidents', '--credentials', creds]);
    await waitForOutput(run, /Admin API/);
    expect(run.output()).toMatch(/manageengine-incidents\s+5 operations/);
    expect(run.output()).toMatch(/meAuthToken\s+Authorization: Bearer mine {2}\(scopes: incident\.READ\)/);
    expect(run.output()).not.toMatch(/akto|lacework/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});

describe('secmock verify checks its inputs', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [TINY_SPEC], seedDir: false });
  });
  afterAll(async () => mock.close());
  const verify = (...args: string[]) => cli('verify', '-b', mock.url, '-s', TINY_SPEC, ...args);

  it('refuses a credential for a scheme no spec declares, with the closest name', async () => {
    expectRefused(
      await verify('-c', 'tinyKy=secret'),
      "--credential: no spec declares the security scheme 'tinyKy' (did you mean 'tinyKey'?)",
    );
  });

  it('refuses an --operation that names nothing even when another one selects something', async () => {
    expectRefused(
      await verify('-o', 'listNotes', '-o', 'listNote'),
      "--operation listNote names no operation of the specs (did you mean 'listNotes'?)",
    );
  });

  it('refuses a known-deviations file that is missing or not a list, naming it', async () => {
    expectRefused(
      await verify('-k', join(dir, 'none.yaml')),
      /--known-deviations .*none\.yaml: no such file/,
    );
    expectRefused(
      await verify('-k', file('map.yaml', 'operation: listNotes\n')),
      /--known-deviations .*map\.yaml: expected a list of \{ operation, check, reason \}/,
    );
  });

  it('warns about known deviations that match nothing, listing them, and runs on', async () => {
    const known = file(
      'known.yaml',
      [
        '- { operation: listNotes, check: response_time, reason: slow staging }',
        '- { operation: listNote, check: "*", reason: misspelt operation }',
        '- { operation: "*", check: schema, reason: misspelt check }',
      ].join('\n'),
    );
    const outcome = await verify('-o', 'listNotes', '-k', known);
    expect(outcome.stderr).toContain(`warning: --known-deviations ${known}: 2 entries match nothing:`);
    expect(outcome.stderr).toContain(
      "entry 2: operation 'listNote' is no operation of the specs (did you mean 'listNotes'?)",
    );
    expect(outcome.stderr).toMatch(/entry 3: check 'schema' is no check \(checks: server_error, /);
    expect(outcome.stdout).toContain('PASS');
    expect(outcome.code).toBe(0);
  });

  it('takes a bundled spec id, and a directory of specs, where a path is expected', async () => {
    const byId = await cli('verify', '--dry-run', '-s', 'manageengine-incidents');
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain('listIncidents');
    const specs = join(dir, 'specs');
    mkdirSync(specs);
    copyFileSync(TINY_SPEC, join(specs, 'tiny-notes.yaml'));
    const byDir = await cli('verify', '--dry-run', '-s', specs);
    expect(byDir.code).toBe(0);
    expect(byDir.stdout).toContain('listNotes');
  });
});

describe('secmock lint', () => {
  it('takes bundled spec ids, and refuses a name that is neither a file nor an id', async () => {
    const byId = await cli('lint', 'manageengine-incidents');
    expect(byId.stdout).toMatch(/manageengine-incidents\.yaml\s+5 /);
    expect(byId.code).toBe(0);
    expectRefused(await cli('lint', 'nope'), /lint nope: neither a spec file nor the id of a bundled spec/);
  });
});
