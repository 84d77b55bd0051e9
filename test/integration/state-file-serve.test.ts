import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startMock, type RunningMock, type ServeOptions } from '../../src/server/serve';
import { authHeaders } from '../helpers/credentials';
import { TINY_SPEC } from '../helpers/paths';
import { removeTempDirs, tempDir } from '../reliability/helpers/temp-dirs';

/**
 * What reaches the state file besides the API's own writes: the admin API's (a reset, the clock), sessions'
 * (nothing), and the writes made after a `--watch` reload swapped the engine; and the answers to requests
 * committed together (one transaction per event-loop turn), whose commit may fail.
 */
const KEY = { ...authHeaders(TINY_SPEC), 'content-type': 'application/json' };
const dir = () => tempDir('state-serve');
afterAll(removeTempDirs);

const start = (stateFile: string, options: ServeOptions = {}) =>
  startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, stateFile, info: () => undefined, ...options });

const create = (mock: RunningMock, title: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}/notes`, {
    method: 'POST',
    headers: { ...KEY, ...headers },
    body: JSON.stringify({ title }),
  });

async function titles(mock: RunningMock): Promise<string[]> {
  const state = (await (await fetch(`${mock.url}/__secmock/state?collection=notes`)).json()) as {
    items: Array<{ title: string }>;
  };
  return state.items.map((note) => note.title);
}

/** A restart on the same file, as after a crash: what the file holds, read through the mock. */
async function afterRestart<T>(stateFile: string, read: (mock: RunningMock) => Promise<T>): Promise<T> {
  const mock = await start(stateFile);
  try {
    return await read(mock);
  } finally {
    await mock.close();
  }
}

describe('the state file of a running mock', () => {
  it("saves the admin API's reset and clock, and none of a session's writes", async () => {
    const stateFile = join(dir(), 'state.db');
    const mock = await start(stateFile);
    try {
      expect((await create(mock, 'before reset')).status).toBe(201);
      expect((await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' })).status).toBe(200);
      expect((await create(mock, 'after reset')).status).toBe(201);
      expect((await create(mock, 'in a session', { 'x-secmock-session': 'ci-1' })).status).toBe(201);
      const clock = await fetch(`${mock.url}/__secmock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: 86_400_000 }),
      });
      expect(clock.status).toBe(200);
    } finally {
      await mock.close();
    }
    const restarted = await afterRestart(stateFile, async (m) => ({
      titles: await titles(m),
      clock: ((await (await fetch(`${m.url}/__secmock/health`)).json()) as { clock: string }).clock,
    }));
    expect(restarted.titles).toEqual(['after reset']);
    expect(restarted.clock).toBe('2025-09-10T18:00:01.000Z');
  });

  it('keeps saving after a --watch reload swapped the engine', async () => {
    const base = dir();
    const spec = join(base, 'tiny-notes.yaml');
    copyFileSync(TINY_SPEC, spec);
    const stateFile = join(base, 'state.db');
    const messages: string[] = [];
    const mock = await start(stateFile, { specs: [spec], watch: true, info: (m) => messages.push(m) });
    try {
      expect((await create(mock, 'before reload')).status).toBe(201);
      appendFileSync(spec, '\n# edited\n');
      const until = Date.now() + 5_000;
      while (!messages.some((m) => m.startsWith('reloaded')) && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(messages).toContain('reloaded 1 spec(s); the store kept everything');
      expect((await create(mock, 'after reload')).status).toBe(201);
    } finally {
      await mock.close();
    }
    expect(await afterRestart(stateFile, titles)).toEqual(['before reload', 'after reload']);
  });
});

describe('requests committed together', () => {
  it('answers each concurrent create once it is saved, all of them found after a restart', async () => {
    const stateFile = join(dir(), 'state.db');
    const mock = await start(stateFile);
    const expected = Array.from({ length: 40 }, (_, n) => `note ${n}`);
    try {
      const answers = await Promise.all(expected.map((title) => create(mock, title)));
      expect(answers.map((a) => a.status)).toEqual(expected.map(() => 201));
      // Read from another connection while the mock runs: what was answered is in the file already.
      const reader = new Database(stateFile, { readonly: true });
      const saved = reader
        .prepare("SELECT json_extract(value, '$.title') AS title FROM entity WHERE collection = 'notes'")
        .all() as Array<{ title: string }>;
      reader.close();
      expect(saved.map((row) => row.title).sort()).toEqual([...expected].sort());
    } finally {
      await mock.close();
    }
    expect((await afterRestart(stateFile, titles)).sort()).toEqual([...expected].sort());
  });

  it('answers 500 in the envelope when the commit fails, and serves and saves none of it', async () => {
    const stateFile = join(dir(), 'state.db');
    const warnings: string[] = [];
    const mock = await start(stateFile, { warn: (m) => warnings.push(m) });
    // Another connection makes the commit fail, as a full disk would.
    const saboteur = new Database(stateFile);
    try {
      expect((await create(mock, 'kept')).status).toBe(201);
      saboteur.exec(
        "CREATE TRIGGER full BEFORE INSERT ON entity WHEN json_extract(NEW.value, '$.title') = 'boom' " +
          "BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      );
      const refused = await create(mock, 'boom');
      expect(refused.status).toBe(500);
      const text = await refused.text();
      expect(text).toContain("secmock could not save this request's writes");
      expect(warnings).toEqual([
        `--state-file ${stateFile}: a change could not be saved, so it was not made (disk full)`,
      ]);
      expect(await titles(mock)).toEqual(['kept']);
      saboteur.exec('DROP TRIGGER full');
      // An admin reset that cannot be saved: refused with the file's message, and the mock keeps its data.
      saboteur.exec(
        "CREATE TRIGGER full BEFORE DELETE ON entity BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      );
      const reset = await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
      expect(reset.status).toBe(500);
      expect(await reset.json()).toEqual({
        error: `--state-file ${stateFile}: a change could not be saved, so it was not made (disk full)`,
      });
      expect(await titles(mock)).toEqual(['kept']);
      saboteur.exec('DROP TRIGGER full');
      expect((await create(mock, 'after')).status).toBe(201);
    } finally {
      saboteur.close();
      await mock.close();
    }
    expect(await afterRestart(stateFile, titles)).toEqual(['kept', 'after']);
  });
});
