import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI, runCli, waitForOutput, type CliRun } from '../helpers/cli';
import { authHeaders } from '../helpers/credentials';
import { ROOT, TINY_SPEC } from '../helpers/paths';
import { removeTempDirs, tempDir } from '../reliability/helpers/temp-dirs';

/**
 * `secmock serve --state-file` as users start it: a file it cannot use stops it with exit 2 and one line
 * naming --state-file and the file (never a stack trace, never a changed file); the rest starts.
 */
const KEY = { ...authHeaders(TINY_SPEC), 'content-type': 'application/json' };
const dir = () => tempDir('state-cli');
afterAll(removeTempDirs);

const serveArgs = (stateFile: string, ...extra: string[]) => [
  'serve',
  '--port',
  '0',
  '--spec',
  TINY_SPEC,
  '--state-file',
  stateFile,
  ...extra,
];

async function refused(run: CliRun, message: string): Promise<void> {
  expect(await run.exited).toBe(2);
  expect(run.output()).toContain(`secmock: ${message}`);
  expect(run.output()).not.toMatch(/listening on|\n\s+at /);
}

async function withServer(run: CliRun, use: (url: string) => Promise<void>): Promise<void> {
  const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  try {
    await use(url);
  } finally {
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }
}

async function titles(url: string): Promise<string[]> {
  const state = (await (await fetch(`${url}/__secmock/state?collection=notes`)).json()) as {
    items: Array<{ title: string }>;
  };
  return state.items.map((note) => note.title);
}

/** The CLI on a machine where the optional native module could not be built (requiring it throws). */
function runWithoutSqlite(args: string[]): CliRun {
  const hook = join(dir(), 'no-sqlite.js');
  writeFileSync(
    hook,
    "const M = require('module'); const resolve = M._resolveFilename; M._resolveFilename = function (n, ...a) {" +
      " if (n === 'better-sqlite3') throw new Error(\"Cannot find module 'better-sqlite3'\"); return resolve.call(this, n, ...a); };",
  );
  const child = spawn(process.execPath, ['-r', hook, CLI, ...args], { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

describe('secmock serve --state-file', () => {
  it('refuses an unreadable file with exit 2 and leaves it as it is', async () => {
    const stateFile = join(dir(), 'state.json');
    writeFileSync(stateFile, '{"format": "secmock-state", "version": 1, "store": {"coll');
    await refused(
      runCli(serveArgs(stateFile)),
      `--state-file ${stateFile}: the JSON state file is unreadable`,
    );
    expect(readFileSync(stateFile, 'utf8')).toBe('{"format": "secmock-state", "version": 1, "store": {"coll');
  });

  it("refuses another program's database with exit 2", async () => {
    const stateFile = join(dir(), 'app.db');
    new Database(stateFile).exec('CREATE TABLE users (name TEXT)').close();
    await refused(
      runCli(serveArgs(stateFile, '--reset-state')),
      `--state-file ${stateFile}: this SQLite database is not secmock's`,
    );
  });

  it('without better-sqlite3, says how to install it and exits 2; without --state-file, starts', async () => {
    const stateFile = join(dir(), 'state.db');
    const run = runWithoutSqlite(serveArgs(stateFile));
    await refused(run, '--state-file needs the optional package better-sqlite3, which could not be loaded');
    expect(run.output()).toContain('npm install better-sqlite3@12');
    expect(existsSync(stateFile)).toBe(false);
    // The in-memory default never loads it.
    await withServer(runWithoutSqlite(['serve', '--port', '0', '--spec', TINY_SPEC]), async (url) =>
      expect((await fetch(`${url}/__secmock/health`)).status).toBe(200),
    );
  });

  it('creates the directory of a state file that is not there yet', async () => {
    const stateFile = join(dir(), '.secmock', 'state.db');
    await withServer(runCli(serveArgs(stateFile)), async (url) => {
      const created = await fetch(`${url}/notes`, { method: 'POST', headers: KEY, body: '{"title":"kept"}' });
      expect(created.status).toBe(201);
    });
    await withServer(runCli(serveArgs(stateFile)), async (url) =>
      expect(await titles(url)).toEqual(['kept']),
    );
  });

  it('converts a JSON state file of earlier versions, and says so', async () => {
    const stateFile = join(dir(), 'state.json');
    const note = { id: 'n1', title: 'from json', body: '', pinned: false };
    const store = { version: 1, collections: { notes: [['n1', note]] }, counters: {} };
    writeFileSync(
      stateFile,
      JSON.stringify({ format: 'secmock-state', version: 1, savedAt: '', seed: 1, store }),
    );
    const run = runCli(serveArgs(stateFile));
    await withServer(run, async (url) => expect(await titles(url)).toEqual(['from json']));
    expect(run.output()).toContain(`the JSON is kept as ${stateFile}.bak`);
  });

  it('with --reset-state, replaces an unreadable file with the fixtures', async () => {
    const stateFile = join(dir(), 'state.db');
    writeFileSync(stateFile, 'garbage');
    await withServer(runCli(serveArgs(stateFile, '--reset-state')), async (url) =>
      expect(await titles(url)).toEqual([]),
    );
    expect(readFileSync(stateFile).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
