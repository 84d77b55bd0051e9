import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock, type RunningMock, type ServeOptions } from '../../src/server/serve';
import { authHeaders } from '../helpers/credentials';
import { TINY_SPEC } from '../helpers/paths';
import { removeTempDirs, tempDir } from '../reliability/helpers/temp-dirs';

/**
 * What reaches the state file besides the API's own writes: the admin API's (a reset, the clock), sessions'
 * (nothing), and the writes made after a `--watch` reload swapped the engine.
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
