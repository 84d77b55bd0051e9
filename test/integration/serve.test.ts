import { mkdtempSync, writeFileSync } from 'node:fs';
import { authHeaders } from '../helpers/credentials';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../../src/server/serve';
import { StateFileError } from '../../src/state/state-file';
import { runCli, waitForOutput } from '../helpers/cli';
import { BROKEN_SPECS_DIR, TINY_SPEC } from '../helpers/paths';

const KEY = { ...authHeaders(TINY_SPEC), 'content-type': 'application/json' };

describe('secmock serve', () => {
  it('keeps what was created across a restart with --state-file', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'secmock-')), 'state.json');
    const first = await startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, stateFile });
    const created = await fetch(`${first.url}/notes`, {
      method: 'POST',
      headers: KEY,
      body: JSON.stringify({ title: 'survives' }),
    });
    const note = (await created.json()) as { id: string };
    await first.close();

    const second = await startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, stateFile });
    const read = await fetch(`${second.url}/notes/${note.id}`, { headers: KEY });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(note);
    await second.close();

    const fresh = await startMock({
      specs: [TINY_SPEC],
      seedDir: false,
      port: 0,
      stateFile,
      resetState: true,
    });
    expect((await fetch(`${fresh.url}/notes/${note.id}`, { headers: KEY })).status).toBe(404);
    await fresh.close();
  });

  it('refuses to start on an unreadable state file instead of silently starting empty', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'secmock-')), 'state.json');
    writeFileSync(stateFile, '{"format": "secmock-state", "version": 1, "store": {"coll');
    await expect(startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, stateFile })).rejects.toThrow(
      StateFileError,
    );
  });

  it('prints the URL, the operations and the default credentials, and stops cleanly on SIGTERM', async () => {
    const run = runCli(['serve', '--port', '0', '--spec', TINY_SPEC]);
    const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await waitForOutput(run, /Admin API/);
    expect(run.output()).toMatch(/tiny-notes\s+5 operations {2}Tiny notes API/);
    expect(run.output()).toMatch(/tinyKey\s+header x-api-key: tiny-key/);
    expect((await fetch(`${url}/__secmock/health`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('secmock stopped');
  });

  it('exits 2 with readable problems and no stack trace when a spec is broken', async () => {
    const run = runCli(['serve', '--port', '0', '--spec', join(BROKEN_SPECS_DIR, 'dangling-ref.yaml')]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain("$ref '#/components/schemas/Thing' points to nothing");
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('prints a JSON line per request with --log-format json, and the console page', async () => {
    const run = runCli(['serve', '--port', '0', '--spec', TINY_SPEC, '--log-format', 'json']);
    const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await waitForOutput(run, /Console: +http:\/\/127\.0\.0\.1:\d+\/__secmock\//);
    expect((await fetch(`${url}/notes`, { headers: { 'x-api-key': 'tiny-key' } })).status).toBe(200);
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
    const [line] = await waitForOutput(run, /^\{.*"path":"\/nowhere".*\}$/m);
    expect(JSON.parse(line)).toMatchObject({ method: 'GET', path: '/nowhere', status: 404 });
    expect(run.output()).toMatch(/^\{.*"path":"\/notes","status":200,.*"operation":"tiny-notes\/listNotes"/m);
    const page = await fetch(`${url}/__secmock/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it.each([
    [['--log-level', 'loud'], /--log-level.*loud/],
    [['--log-format', 'xml'], /--log-format.*xml/],
    [['--cors-origin', 'localhost:3000'], /--cors-origin.*localhost:3000/],
    [['--cors-origin', 'http://localhost:3000/app'], /--cors-origin.*not an origin/],
  ])('exits 2 naming the flag for serve %j', async (args, message) => {
    const run = runCli(['serve', '--port', '0', '--spec', TINY_SPEC, ...args]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(message);
  });
});
