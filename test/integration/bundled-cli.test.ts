import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCli, waitForOutput } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

const exec = promisify(execFile);

/**
 * `npm run build` bundles the CLI into dist/bundle/cli.js and saves V8's compiled code for it; dist/bin.js
 * (the `secmock` binary) runs that bundle. The bundle must find what the modules find next to themselves
 * (the console's files, the prepared world, the compiled validators) and keep working when V8 refuses the
 * saved code.
 */
const BUNDLE_DIR = join(ROOT, 'dist', 'bundle');

/** What loading the bundle in a fresh node with these flags reports. */
async function loadInFreshNode(nodeFlags: string[]): Promise<{ cacheRejected: boolean; main: string }> {
  const script = `
    const { loadBundle } = require(${JSON.stringify(join(ROOT, 'dist', 'launch'))});
    const loaded = loadBundle(${JSON.stringify(BUNDLE_DIR)});
    console.log(JSON.stringify({ cacheRejected: loaded.cacheRejected, main: typeof loaded.cli.main }));`;
  const { stdout } = await exec(process.execPath, [...nodeFlags, '-e', script], { cwd: ROOT });
  return JSON.parse(stdout) as { cacheRejected: boolean; main: string };
}

describe('the bundled CLI', () => {
  it('loads with the compiled code the build saved, which V8 accepts', async () => {
    expect(await loadInFreshNode([])).toEqual({ cacheRejected: false, main: 'function' });
  });

  it('still runs when V8 refuses the saved code (other flags than the build had)', async () => {
    expect(await loadInFreshNode(['--max-old-space-size=512'])).toEqual({
      cacheRejected: true,
      main: 'function',
    });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await exec(process.execPath, ['--max-old-space-size=512', CLI, '--version']);
    expect(stdout).toBe(`${version}\n`);
  });

  it('is what the secmock binary runs, and serves the files that sit beside the modules', async () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(join(ROOT, manifest.bin.secmock)).toBe(CLI);
    const run = runCli(['serve', '--port', '0', '--log-level', 'silent']);
    try {
      const [, base] = await waitForOutput(run, /listening on (http:\/\/\S+)/);
      const page = await fetch(`${base}/__secmock/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script type="module"');
      const script = await fetch(`${base}/__secmock/console/main.js`);
      expect(script.status).toBe(200);
      // The seeded world, with the incident the vendor's documentation prints.
      const incident = await fetch(`${base}/api/v2/incident/3000000438278`, {
        headers: { authorization: 'Bearer secmock-me-token' },
      });
      expect(incident.status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  });
});
