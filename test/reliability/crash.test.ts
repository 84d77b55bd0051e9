import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seededRandom } from '../../src/generate';
import { authHeaders } from '../helpers/credentials';
import { runCli, waitForOutput, type CliRun } from '../helpers/cli';
import { VENDOR_SPECS } from '../helpers/paths';
import { removeTempDirs, tempDir } from './helpers/temp-dirs';

/**
 * `kill -9` at any moment loses no acknowledged write: with --state-file each request's writes are
 * committed to SQLite before it is answered. Writers create ManageEngine incidents one after another and
 * record every id answered 2xx; the server is killed at a random moment (a seeded draw, so a failure
 * replays), restarted on the same file, and every id acknowledged so far, in any round, must be there.
 * Only what was in flight at the kill may be stored without having been acknowledged: at most one create
 * per writer. The directory never holds anything but the database and SQLite's -wal and -shm files.
 */
const SPEC = VENDOR_SPECS.manageEngine;
const HEADERS = { ...authHeaders(SPEC), 'content-type': 'application/json' };
const ROUNDS = 20;
const WRITERS = 4;
/** The kill comes this long (drawn up to) after the round's first acknowledgement. */
const MAX_KILL_DELAY_MS = 400;
const DATABASE_FILES = ['state.db', 'state.db-shm', 'state.db-wal'];

interface Server {
  run: CliRun;
  url: string;
}

async function serve(stateFile: string): Promise<Server> {
  const run = runCli(['serve', '--port', '0', '--spec', SPEC, '--state-file', stateFile]);
  const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  return { run, url };
}

/** Writers that create incidents until the server dies; `acks` holds every id answered 2xx. */
function startWriters(url: string, round: number) {
  const acks: number[] = [];
  let firstAck: () => void = () => undefined;
  const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));
  const writer = async (k: number) => {
    for (let n = 0; ; n++) {
      let response: Response;
      try {
        response = await fetch(`${url}/api/v2/incident`, {
          method: 'POST',
          headers: HEADERS,
          body: JSON.stringify({ name: `r${round}-w${k}-${n}`, severity: 'critical' }),
        });
      } catch {
        return; // the server is gone
      }
      const body = (await response.json().catch(() => undefined)) as
        | { data?: { incident_id?: number } }
        | undefined;
      if (response.status >= 300 || body?.data?.incident_id === undefined)
        throw new Error(`create answered ${response.status}: ${JSON.stringify(body)}`);
      acks.push(body.data.incident_id);
      firstAck();
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, k) => writer(k)));
  return { acks, acknowledged, done };
}

async function storedIds(url: string): Promise<number[]> {
  const response = await fetch(`${url}/__secmock/state?collection=incidents&limit=1000000`);
  const state = (await response.json()) as { count: number; items: Array<{ incident_id: number }> };
  expect(state.items).toHaveLength(state.count);
  return state.items.map((incident) => incident.incident_id);
}

function strayFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => !DATABASE_FILES.includes(name));
}

async function crashRound(server: Server, round: number, delay: number): Promise<number[]> {
  const { acks, acknowledged, done } = startWriters(server.url, round);
  await acknowledged;
  await new Promise((resolve) => setTimeout(resolve, delay));
  server.run.child.kill('SIGKILL');
  await server.run.exited;
  await done;
  return acks;
}

afterAll(() => removeTempDirs());

describe('kill -9 with --state-file', () => {
  it(`loses no acknowledged create, ${ROUNDS} times, and leaves only the database and its WAL`, async () => {
    const dir = tempDir('crash');
    const stateFile = join(dir, 'state.db');
    // Seeded: the same kill moments on every run.
    const draw = seededRandom(16);
    const acknowledged = new Set<number>();
    let server = await serve(stateFile);
    const fixtures = (await storedIds(server.url)).length;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const acks = await crashRound(server, round, Math.floor(draw() * MAX_KILL_DELAY_MS));
        for (const id of acks) acknowledged.add(id);
        expect(strayFiles(dir)).toEqual([]);
        server = await serve(stateFile);
        const stored = await storedIds(server.url);
        expect(new Set(stored).size).toBe(stored.length);
        const present = new Set(stored);
        expect([...acknowledged].filter((id) => !present.has(id))).toEqual([]);
        // Stored without an acknowledgement: only what was in flight at each kill.
        const unacknowledged = stored.length - fixtures - acknowledged.size;
        expect(unacknowledged).toBeGreaterThanOrEqual(0);
        expect(unacknowledged).toBeLessThanOrEqual(WRITERS * round);
      }
    } finally {
      server.run.child.kill('SIGTERM');
      expect(await server.run.exited).toBe(0);
    }
    console.log(`${ROUNDS} kills: all ${acknowledged.size} acknowledged creates survived`);
    // A clean stop folds the WAL into the database: one file, and an intact one.
    expect(readdirSync(dir)).toEqual(['state.db']);
    const db = new Database(stateFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
