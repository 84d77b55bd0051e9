import { startMock, type RunningMock } from '../../src/server/serve';
import { authHeaders } from '../helpers/credentials';
import { TINY_SPEC } from '../helpers/paths';

/**
 * Concurrent clients over real HTTP never corrupt the store: every create gets its own id and is listed
 * once; racing updates and deletes of one entity leave it either gone or present exactly once, and what
 * each client was told agrees with the order the mock applied the writes in. (The same on a vendor spec, where
 * a client-chosen name must stay unique: test/vendors/lacework-edge/concurrency.test.ts.)
 */
const TINY = { ...authHeaders(TINY_SPEC), 'content-type': 'application/json' };

interface Note {
  id: string;
  title: string;
  updatedAt: string;
}

async function call(mock: RunningMock, method: string, path: string, body?: unknown) {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: TINY,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Every note, paging through the list (at most 50 a page). */
async function listAll(mock: RunningMock): Promise<Note[]> {
  const notes: Note[] = [];
  for (let offset = 0; ; offset += 50) {
    const page = (await call(mock, 'GET', `/notes?offset=${offset}&limit=50`)).body as {
      notes: Note[];
      total: number;
    };
    notes.push(...page.notes);
    if (page.notes.length < 50) return notes;
  }
}

async function adminCount(mock: RunningMock, collection: string): Promise<number> {
  const state = (await (await fetch(`${mock.url}/__secmock/state`)).json()) as {
    collections: Record<string, { count: number }>;
  };
  return state.collections[collection]?.count ?? 0;
}

async function logged(mock: RunningMock, limit: number) {
  const log = (await (await fetch(`${mock.url}/__secmock/requests?limit=${limit}`)).json()) as {
    requests: Array<{ seq: number; method: string; status: number }>;
  };
  return log.requests;
}

describe('concurrency over real HTTP', () => {
  let mock: RunningMock;
  beforeEach(async () => {
    mock = await startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, requestLogSize: 2_000 });
  });
  afterEach(() => mock.close());

  it('1,000 concurrent creates get 1,000 distinct ids, all listed once', async () => {
    const created = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => call(mock, 'POST', '/notes', { title: `note ${i}` })),
    );
    expect(created.map((r) => r.status)).toEqual(new Array(1_000).fill(201));
    const ids = created.map((r) => (r.body as Note).id);
    expect(new Set(ids).size).toBe(1_000);
    const listed = await listAll(mock);
    expect(listed).toHaveLength(1_000);
    expect(new Set(listed.map((n) => n.id))).toEqual(new Set(ids));
    expect(await adminCount(mock, 'notes')).toBe(1_000);
  });

  it('200 concurrent updates of one entity: it stays once, and the last write applied is what is stored', async () => {
    const target = (await call(mock, 'POST', '/notes', { title: 'target' })).body as Note;
    await call(mock, 'POST', '/notes', { title: 'bystander' });
    const updates = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call(mock, 'PATCH', `/notes/${target.id}`, { title: `t-${i}` })),
    );
    expect(updates.every((r) => r.status === 200)).toBe(true);
    // The clock moves one second per write: updatedAt orders the writes as the mock applied them.
    const answers = updates.map((r) => r.body as Note);
    expect(new Set(answers.map((n) => n.updatedAt)).size).toBe(200);
    const last = answers.reduce((a, b) => (a.updatedAt > b.updatedAt ? a : b));
    const stored = (await call(mock, 'GET', `/notes/${target.id}`)).body as Note;
    expect(stored).toEqual(last);
    const listed = await listAll(mock);
    expect(listed.filter((n) => n.id === target.id)).toEqual([last]);
    expect(listed).toHaveLength(2);
  });

  it('200 concurrent updates racing 5 deletes: deleted once, gone everywhere, answers agree with the order', async () => {
    const target = (await call(mock, 'POST', '/notes', { title: 'target' })).body as Note;
    for (const title of ['a', 'b']) await call(mock, 'POST', '/notes', { title });
    const requests = Array.from({ length: 205 }, (_, i) =>
      i % 41 === 20
        ? call(mock, 'DELETE', `/notes/${target.id}`)
        : call(mock, 'PATCH', `/notes/${target.id}`, { title: `t-${i}` }),
    );
    const answers = await Promise.all(requests);
    const deletes = answers.filter((_, i) => i % 41 === 20).map((r) => r.status);
    expect(deletes.filter((s) => s === 204)).toHaveLength(1);
    expect(deletes.filter((s) => s === 404)).toHaveLength(4);
    expect(answers.every((r) => [200, 204, 404].includes(r.status))).toBe(true);

    // In the order the mock handled them: every update before the delete succeeded, every one after was 404.
    const order = (await logged(mock, 205)).filter((e) => e.method !== 'GET');
    expect(order).toHaveLength(205);
    const deletedAt = order.findIndex((e) => e.method === 'DELETE' && e.status === 204);
    expect(deletedAt).toBeGreaterThanOrEqual(0);
    expect(order.slice(0, deletedAt).every((e) => e.method === 'PATCH' && e.status === 200)).toBe(true);
    expect(order.slice(deletedAt + 1).every((e) => e.status === 404)).toBe(true);

    expect((await call(mock, 'GET', `/notes/${target.id}`)).status).toBe(404);
    const listed = await listAll(mock);
    expect(listed.map((n) => n.title).sort()).toEqual(['a', 'b']);
    expect(await adminCount(mock, 'notes')).toBe(2);
  });
});
