import request from 'supertest';
import { createMockApp } from '../../../src/server/app';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/**
 * The threat actor table as the Akto dashboard reads it: each row's `objectId` is the next page's `cursor`,
 * and the table's filters (latest attack, country, actor, host) narrow the rows.
 */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const WINDOW = { startTs: 1756837800, endTs: 1757442599 };
/** The body of ThreatActorsTable.jsx, first page. */
const TABLE = {
  skip: 0,
  sort: { discoveredAt: -1 },
  latestAttack: [],
  country: [],
  actorId: [],
  host: [],
  ...WINDOW,
};

interface Actor {
  id: string;
  objectId: string;
  latestAttack: string;
  latestApiHost: string;
  country: string;
  discoveredAt: number;
}

let http: ReturnType<typeof request>;

async function actors(body: object): Promise<{ total: number; actors: Actor[] }> {
  const response = await http.post('/api/fetchThreatActors').set(KEY).send(body);
  expect(response.headers['x-secmock-violations']).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body;
}

/** Every row, page after page, each page asked with the previous page's last objectId. */
async function walkByCursor(body: object): Promise<Actor[]> {
  const rows: Actor[] = [];
  for (let page = await actors(body); page.actors.length > 0; ) {
    rows.push(...page.actors);
    page = await actors({ ...body, skip: rows.length, cursor: rows[rows.length - 1].objectId });
  }
  return rows;
}

beforeAll(async () => {
  http = request(await createMockApp({ specs: [VENDOR_SPECS.aktoThreatDetection] }));
});

describe('cursor paging', () => {
  it('answers after the cursor what skip answers, newest first and oldest first', async () => {
    for (const sort of [{ discoveredAt: -1 }, { discoveredAt: 1 }]) {
      const first = await actors({ ...TABLE, sort });
      expect(first.actors).toHaveLength(50);
      const cursor = first.actors[49].objectId;
      const bySkip = await actors({ ...TABLE, sort, skip: 50 });
      // The dashboard sends both; the cursor wins (skip 0 would otherwise give page one again).
      const byCursor = await actors({ ...TABLE, sort, skip: 0, cursor });
      expect(byCursor.actors.map((a) => a.id)).toEqual(bySkip.actors.map((a) => a.id));
      expect(byCursor.total).toBe(first.total);
    }
  });

  it('walks every actor exactly once, in order, and stops after the last', async () => {
    const bySkip: Actor[] = [];
    for (let skip = 0; ; skip += 50) {
      const page = await actors({ ...TABLE, skip });
      bySkip.push(...page.actors);
      if (page.actors.length < 50) break;
    }
    const byCursor = await walkByCursor(TABLE);
    expect(byCursor.map((a) => a.id)).toEqual(bySkip.map((a) => a.id));
    expect(new Set(byCursor.map((a) => a.objectId)).size).toBe(byCursor.length);
    for (const row of byCursor)
      expect(row.objectId.slice(0, 8)).toBe(row.discoveredAt.toString(16).padStart(8, '0'));
  });

  it('gives an empty page for a cursor that is not an ObjectId, and pages by skip for an empty one', async () => {
    expect((await actors({ ...TABLE, cursor: 'not-an-object-id' })).actors).toEqual([]);
    const first = await actors(TABLE);
    expect((await actors({ ...TABLE, cursor: '' })).actors).toEqual(first.actors);
  });
});

describe('actor filters', () => {
  it('keep the actors of the chosen policies, countries, ids and hosts', async () => {
    const all = await walkByCursor(TABLE);
    const [a, b] = [all[0], all[1]];
    const cases: Array<[object, (row: Actor) => boolean]> = [
      [{ latestAttack: [a.latestAttack] }, (row) => row.latestAttack === a.latestAttack],
      [{ country: [a.country, b.country] }, (row) => [a.country, b.country].includes(row.country)],
      [{ actorId: [a.id, b.id] }, (row) => row.id === a.id || row.id === b.id],
      [{ host: [a.latestApiHost] }, (row) => row.latestApiHost === a.latestApiHost],
    ];
    for (const [filter, keep] of cases) {
      const rows = await walkByCursor({ ...TABLE, ...filter });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(all.length);
      expect(rows.every(keep)).toBe(true);
      expect((await actors({ ...TABLE, ...filter })).total).toBe(rows.length);
    }
    // Country and actor filters select events, so the rows they keep are exactly the rows they name.
    expect((await walkByCursor({ ...TABLE, actorId: [a.id, b.id] })).map((r) => r.id)).toEqual([a.id, b.id]);
  });

  it('list the host of each actor among the filter choices', async () => {
    const response = await http.post('/api/fetchFiltersForThreatActors').set(KEY).send({});
    const all = await walkByCursor({ ...TABLE, startTs: 0, endTs: 0 });
    expect(response.body.host).toEqual([...new Set(all.map((a) => a.latestApiHost))].sort());
    expect(response.body.latestAttack).toEqual([...new Set(all.map((a) => a.latestAttack))].sort());
  });
});
