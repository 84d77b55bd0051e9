import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { explain } from '../helpers/contract';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * Isolated sessions: a request naming `x-secmock-session` sees its own world, started from the fixtures;
 * sessions never see each other's data or the shared world's; the admin API works per session; sessions are
 * bounded in count (least recently used evicted) and idle time; verifier runs use one each by default.
 */
const ME = { authorization: 'Bearer secmock-me-token', 'content-type': 'application/json' };
let mock: RunningMock;

const call = (path: string, session?: string, init: RequestInit = {}) =>
  fetch(`${mock.url}${path}`, {
    ...init,
    headers: { ...ME, ...(session ? { 'x-secmock-session': session } : {}), ...(init.headers as object) },
  });
const names = async (session?: string) => {
  const body = (await (await call('/api/v2/incident?limit=100', session)).json()) as {
    data: Array<{ incident_name: string }>;
    meta: { total_items: number };
  };
  return {
    total: body.meta.total_items,
    mine: body.data.map((i) => i.incident_name).filter((n) => n.startsWith('s-')),
  };
};

beforeAll(async () => {
  mock = await startMock({ specs: [VENDOR_SPECS.manageEngine], port: 0, maxSessions: 100 });
});
afterAll(() => mock.close());

describe('sessions', () => {
  it('50 sessions creating 20 incidents each at once never see each other, and the shared world is untouched', async () => {
    const shared = await names();
    const sessions = Array.from({ length: 50 }, (_, i) => `job-${i}`);
    await Promise.all(
      sessions.map(async (session) => {
        for (let n = 0; n < 20; n++) {
          const created = await call('/api/v2/incident', session, {
            method: 'POST',
            body: JSON.stringify({ name: `s-${session}-${n}` }),
          });
          expect(created.status).toBe(200);
        }
      }),
    );
    for (const session of sessions) {
      const seen = await names(session);
      expect(seen.total).toBe(shared.total + 20);
      expect(seen.mine.every((n) => n.startsWith(`s-${session}-`))).toBe(true);
    }
    expect(await names()).toEqual(shared);
    const listed = (await (await fetch(`${mock.url}/__secmock/sessions`)).json()) as { sessions: unknown[] };
    expect(listed.sessions).toHaveLength(50);
  });

  it('takes the admin API per session: scenarios, clock, requests, state and reset', async () => {
    const admin = (path: string, session: string, init: RequestInit = {}) =>
      fetch(`${mock.url}/__secmock/${path}`, {
        ...init,
        headers: { 'content-type': 'application/json', 'x-secmock-session': session },
      });
    await admin('scenarios', 'a', {
      method: 'POST',
      body: JSON.stringify({ operationId: 'listIncidents', fault: 'outage', status: 503, times: 'always' }),
    });
    expect((await call('/api/v2/incident', 'a')).status).toBe(503);
    expect((await call('/api/v2/incident', 'b')).status).toBe(200);
    expect((await call('/api/v2/incident')).status).toBe(200);
    await admin('clock', 'a', { method: 'POST', body: JSON.stringify({ advanceMs: 3_600_000 }) });
    const clockOf = async (session: string) =>
      ((await (await admin('health', session)).json()) as { clock: string }).clock;
    expect(await clockOf('a')).not.toBe(await clockOf('b'));
    const log = (await (await admin('requests', 'b')).json()) as { requests: Array<{ status: number }> };
    expect(log.requests.map((r) => r.status)).toEqual([200]);
    await call('/api/v2/incident', 'b', { method: 'POST', body: JSON.stringify({ name: 's-b-kept' }) });
    await admin('scenarios', 'a', { method: 'DELETE' });
    await call('/api/v2/incident', 'a', { method: 'POST', body: JSON.stringify({ name: 's-a-gone' }) });
    expect((await names('a')).mine).toEqual(['s-a-gone']);
    await admin('scenarios', 'a', {
      method: 'POST',
      body: JSON.stringify({ operationId: 'listIncidents', fault: 'outage', status: 503, times: 'always' }),
    });
    await admin('reset', 'a', { method: 'POST' });
    // Reset takes the session back to the fixtures, its scenarios with it; the other session keeps its data.
    expect((await call('/api/v2/incident', 'a')).status).toBe(200);
    expect((await names('a')).mine).toEqual([]);
    expect((await names('b')).mine).toEqual(['s-b-kept']);
  });

  it('forgets the least recently used session beyond the bound, and idle sessions', async () => {
    const small = await startMock({
      specs: [VENDOR_SPECS.manageEngine],
      port: 0,
      maxSessions: 2,
      sessionIdleMs: 300,
    });
    const create = (session: string) =>
      fetch(`${small.url}/api/v2/incident`, {
        method: 'POST',
        headers: { ...ME, 'x-secmock-session': session },
        body: JSON.stringify({ name: 's-kept' }),
      });
    const holds = async (session?: string) =>
      (
        (await (
          await fetch(`${small.url}/__secmock/state`, {
            headers: session ? { 'x-secmock-session': session } : {},
          })
        ).json()) as {
          collections: { incidents: { count: number } };
        }
      ).collections.incidents.count;
    try {
      await create('one');
      await create('two');
      const seeded = await holds(); // the shared world: what a fresh session starts with
      await create('three'); // 'one' is the least recently used: forgotten
      expect(await holds('two')).toBe(seeded + 1);
      expect(await holds('one')).toBe(seeded);
      await new Promise((r) => setTimeout(r, 350));
      expect(await holds('two')).toBe(seeded);
    } finally {
      await small.close();
    }
  });

  it('sends requests that name no session to the --session default', async () => {
    const defaulted = await startMock({ specs: [VENDOR_SPECS.manageEngine], port: 0, session: 'ci' });
    try {
      await fetch(`${defaulted.url}/api/v2/incident`, {
        method: 'POST',
        headers: ME,
        body: JSON.stringify({ name: 's-ci' }),
      });
      const sessions = (await (await fetch(`${defaulted.url}/__secmock/sessions`)).json()) as {
        sessions: Array<{ name: string }>;
      };
      expect(sessions.sessions.map((s) => s.name)).toEqual(['ci']);
      expect(
        defaulted.app.mock.store
          .collection('incidents')
          .list()
          .some((i) => i.incident_name === 's-ci'),
      ).toBe(false);
    } finally {
      await defaulted.close();
    }
  });

  it('two verifier runs against one mock at once each pass in their own session, leaving the shared world as it was', async () => {
    const before = JSON.stringify(mock.app.mock.store.collection('incidents').entries());
    const [first, second] = await Promise.all([
      verify({ baseUrl: mock.url, specs: [VENDOR_SPECS.manageEngine], keepData: true }),
      verify({ baseUrl: mock.url, specs: [VENDOR_SPECS.manageEngine], keepData: true }),
    ]);
    if (!first.summary.ok) throw new Error(explain(first));
    if (!second.summary.ok) throw new Error(explain(second));
    expect(first.summary.cleanup.left.length).toBeGreaterThan(0);
    expect(JSON.stringify(mock.app.mock.store.collection('incidents').entries())).toBe(before);
  });

  it('refuses a session name it cannot use, in the vendor envelope', async () => {
    const refused = await call('/api/v2/incident', 'not a name!');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { detail: string } }).error.detail).toMatch(
      /is not a session name/,
    );
  });
});
