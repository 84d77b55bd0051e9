import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { installApp, npmEnv, packRepository, writeApp } from '../helpers/packed';
import { ROOT, SPECS_DIR } from '../helpers/paths';

const exec = promisify(execFile);

/**
 * secmock as a user gets it: packed, installed into an empty folder outside the repository (offline, from
 * the tarball and npm's cache) and run with `npx secmock`: --version, lint of the bundled specs, serve, a
 * request with a credential the banner prints, and verify against that mock, all from the installed copy.
 */
describe('the packed package, installed into an empty folder', () => {
  let work: string;
  let app: string;
  let serve: ChildProcess | undefined;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'secmock-package-'));
    app = join(work, 'app');
    const { tarball, integrity } = await packRepository(work);
    writeApp(app, tarball, integrity);
    await installApp(app);
  }, 90_000);

  afterAll(() => {
    // The mock runs under npx in a process group of its own: end the group if a test left it running.
    try {
      if (serve?.pid) process.kill(-serve.pid, 'SIGKILL');
    } catch {
      // Already gone: the test stopped it.
    }
    rmSync(work, { recursive: true, force: true });
  });

  const npx = (...args: string[]) =>
    exec('npx', ['--no-install', 'secmock', ...args], { cwd: app, env: npmEnv() }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('prints its version and the help, from outside the repository', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await npx('--version')).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
    const help = await npx();
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: secmock .*\n[\s\S]*serve[\s\S]*verify[\s\S]*lint/);
  });

  it('lints the bundled specs', async () => {
    const specs = readdirSync(SPECS_DIR).filter((f) => /\.ya?ml$/.test(f)).length;
    const lint = await npx('lint');
    expect(lint.stdout).toContain(`${specs} spec(s) valid`);
    expect(lint.stdout).toContain(join('node_modules', 'secmock', 'specs'));
    expect(lint.code).toBe(0);
  });

  it('serves the bundled specs, answers with a banner credential, and passes its own verify', async () => {
    serve = spawn('npx', ['--no-install', 'secmock', 'serve', '--port', '0'], {
      cwd: app,
      env: npmEnv(),
      detached: true,
    });
    const banner = await outputUntil(serve, /Admin API/);
    const url = /listening on (http:\/\/\S+)/.exec(banner)?.[1] as string;
    const token = /meAuthToken\s+Authorization: Bearer (\S+)/.exec(banner)?.[1] as string;
    expect([url, token]).toEqual([expect.any(String), expect.any(String)]);

    const answer = await fetch(`${url}/api/v2/incident?limit=2`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toHaveProperty('data');

    const verify = await npx(
      'verify',
      '--base-url',
      url,
      '-s',
      'manageengine-incidents',
      '-o',
      'listIncidents',
    );
    expect(verify.stdout).toContain('PASS');
    expect(verify.code).toBe(0);

    // As a terminal's Ctrl-C does, signal the whole group: `npm exec` does not pass signals on to the bin.
    const closed = new Promise<void>((resolve) => serve?.once('close', () => resolve()));
    let rest = '';
    serve.stdout?.on('data', (chunk: Buffer) => (rest += chunk.toString()));
    process.kill(-(serve.pid as number), 'SIGTERM');
    await closed;
    expect(rest).toContain('secmock stopped');
    await expect(fetch(`${url}/__secmock/health`)).rejects.toThrow();
  }, 30_000);
});

/** The child's stdout and stderr until the pattern shows (or the child exits: then the test fails with it). */
function outputUntil(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve(output);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`exited ${String(code)} before ${String(pattern)}:\n${output}`)),
    );
  });
}
