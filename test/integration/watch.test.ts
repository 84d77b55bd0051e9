import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMock, type RunningMock } from '../../src/server/serve';
import { TINY_SPEC } from '../helpers/paths';
import { removeTempDirs, tempDir } from '../reliability/helpers/temp-dirs';

/**
 * `serve --watch`: an edited spec is served without a restart (validation and answers follow), the store keeps
 * what still fits the new contract, and an edit that does not load leaves the previous version serving.
 */
const KEY = { 'x-api-key': 'tiny-key', 'content-type': 'application/json' };
let mock: RunningMock;
let spec: string;
const messages: string[] = [];

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within 5 s: ${what} (messages: ${messages.join(' | ')})`);
}

const createNote = (title: string) =>
  fetch(`${mock.url}/notes`, { method: 'POST', headers: KEY, body: JSON.stringify({ title }) });

beforeAll(async () => {
  spec = join(tempDir('watch'), 'tiny-notes.yaml');
  copyFileSync(TINY_SPEC, spec);
  mock = await startMock({
    specs: [spec],
    port: 0,
    seedDir: false,
    watch: true,
    info: (m) => messages.push(m),
  });
});

afterAll(async () => {
  await mock.close();
  removeTempDirs();
});

describe('serve --watch', () => {
  it('follows an edited spec without a restart, keeping the stored notes that still fit', async () => {
    expect((await createNote('Groceries')).status).toBe(201);
    const original = readFileSync(spec, 'utf8');
    // The edit: titles at most 5 characters, and a documented example for the 401 answer.
    writeFileSync(
      spec,
      original
        .replace(
          'title: { type: string, minLength: 1, maxLength: 200 }',
          'title: { type: string, minLength: 1, maxLength: 5 }',
        )
        .replace(
          "content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }\n    NotFound:",
          "content:\n        application/json:\n          schema: { $ref: '#/components/schemas/Error' }\n          examples: { edited: { value: { error: { message: Key refused (edited) } } } }\n    NotFound:",
        ),
    );
    const edited401 = async () => {
      const answer = await fetch(`${mock.url}/notes`, { headers: { ...KEY, prefer: 'code=401' } });
      return (
        JSON.stringify(await answer.json()) === JSON.stringify({ error: { message: 'Key refused (edited)' } })
      );
    };
    // A read with no side effect tells when the new version serves.
    await eventually(edited401, 'the edited example answers Prefer: code=401');
    expect(messages.at(-1)).toBe('reloaded 1 spec(s); the store kept everything');
    expect((await createNote('Groceries')).status).toBe(400);
    expect((await createNote('Milk')).status).toBe(201);
    const listed = (await (await fetch(`${mock.url}/notes`, { headers: KEY })).json()) as { total: number };
    expect(listed.total).toBe(2);
  });

  it('keeps serving the previous version when an edit does not load, and says why', async () => {
    const before = messages.length;
    writeFileSync(spec, `${readFileSync(spec, 'utf8')}\n  this is: [not valid yaml\n`);
    await eventually(async () => messages.length > before, 'the failed reload is reported');
    expect(messages.at(-1)).toMatch(/^the change does not load; still serving the previous version:\n {2}/);
    expect((await createNote('Eggs')).status).toBe(201);
    expect((await createNote('Too long a title')).status).toBe(400);
  });

  it('drops the stored entities that no longer fit the new contract, and says how many', async () => {
    const before = messages.length;
    const fixed = readFileSync(spec, 'utf8').replace('\n  this is: [not valid yaml\n', '');
    writeFileSync(
      spec,
      fixed.replace(
        'required: [id, title, pinned, createdAt, updatedAt]',
        'required: [id, title, body, pinned, createdAt, updatedAt]',
      ),
    );
    await eventually(async () => messages.length > before, 'the reload is reported');
    // The three notes stored so far have no body: the new Note schema requires one.
    expect(messages.at(-1)).toBe('reloaded 1 spec(s); 3 stored entities no longer fit and were dropped');
    const listed = (await (await fetch(`${mock.url}/notes`, { headers: KEY })).json()) as { total: number };
    expect(listed.total).toBe(0);
  });
});
