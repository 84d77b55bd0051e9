import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { seededRandom } from '../../../src/generate/ids';
import { createMockApp } from '../../../src/server/app';
import { loadSpecs, type SpecModel } from '../../../src/openapi';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/**
 * Every aggregate describes the same events: for seeded random windows, the event list is read page by
 * page from fetchSuspectSampleData and every aggregate is recomputed from it, here, independently of the
 * mock's code, then compared with what each endpoint answers.
 */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const NOW = 1757440800;
const DAY = 86_400;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];

interface Event {
  id: string;
  actor: string;
  filterId: string;
  country: string;
  category: string;
  subCategory: string;
  severity: string;
  status: string;
  type: string;
  url: string;
  method: string;
  host: string;
  timestamp: number;
  successfulExploit: boolean;
}
type Http = ReturnType<typeof request>;
type Window = { startTs: number; endTs: number };

let spec: SpecModel;
let http: Http;
/** Every stored event, newest first (the window [0, now]). */
let everything: Event[];

async function post(client: Http, path: string, body: object) {
  const response = await client.post(`/api/${path}`).set(KEY).send(body);
  expect(response.headers['x-secmock-violations']).toBeUndefined();
  expect(response.status).toBe(200);
  return response;
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>());
const distinct = <T>(items: T[], key: (item: T) => string) => new Set(items.map(key)).size;
const day = (ts: number) => ts - (ts % DAY);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Pages through fetchSuspectSampleData (newest first) and checks the pages add up. */
async function readEvents(window: Window, filters = { urls: [] as string[], types: [] as string[] }) {
  const events: Event[] = [];
  const body = { ...filters, startTimestamp: window.startTs, endTimestamp: window.endTs, limit: 1500 };
  for (let skip = 0; ; skip += 1500) {
    const page = (await post(http, 'fetchSuspectSampleData', { ...body, skip })).body;
    events.push(...page.maliciousEvents);
    if (page.maliciousEvents.length < 1500) {
      expect(events).toHaveLength(page.total);
      break;
    }
  }
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  expect(events.every((e, i) => i === 0 || events[i - 1].timestamp >= e.timestamp)).toBe(true);
  return events;
}

async function readPaged<T>(
  path: string,
  field: string,
  body: object,
): Promise<{ total: number; rows: T[] }> {
  const rows: T[] = [];
  for (let skip = 0; ; skip += 50) {
    const page = (await post(http, path, { ...body, skip })).body;
    expect(page[field].length).toBeLessThanOrEqual(50);
    rows.push(...page[field]);
    if (page[field].length < 50) return { total: page.total, rows };
  }
}

async function checkCounts(window: Window, events: Event[]) {
  const severity = (await post(http, 'fetchCountBySeverity', window)).body.categoryCounts;
  const bySeverity = countBy(events, (e) => e.severity);
  expect(severity).toEqual(
    SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => ({
      category: '',
      subCategory: s,
      count: bySeverity.get(s),
    })),
  );
  const categories = (await post(http, 'fetchThreatCategoryCount', window)).body.categoryCounts;
  const byCategory = countBy(events, (e) => `${e.category}/${e.subCategory}`);
  expect(
    new Map(categories.map((c: Record<string, string>) => [`${c.category}/${c.subCategory}`, c.count])),
  ).toEqual(byCategory);
  expect(sum(categories.map((c: { count: number }) => c.count))).toBe(events.length);
}

async function checkDays(window: Window, events: Event[]) {
  const timeline = (await post(http, 'getThreatActivityTimeline', window)).body.threatActivityTimelines;
  const days = [...new Set(events.map((e) => day(e.timestamp)))].sort((a, b) => a - b);
  expect(timeline.map((d: { ts: number }) => d.ts)).toEqual(days);
  for (const entry of timeline) {
    const counts = countBy(
      events.filter((e) => day(e.timestamp) === entry.ts),
      (e) => e.subCategory,
    );
    expect(
      new Map(entry.subCategoryWiseData.map((s: Record<string, string>) => [s.subcategory, s.activityCount])),
    ).toEqual(counts);
  }
  const daily = (await post(http, 'getDailyThreatActorsCount', window)).body;
  const critical = events.filter((e) => e.severity === 'CRITICAL');
  expect(daily.actorsCounts).toEqual(
    days.map((ts) => ({
      ts,
      totalActors: distinct(
        events.filter((e) => day(e.timestamp) === ts),
        (e) => e.actor,
      ),
      criticalActors: distinct(
        critical.filter((e) => day(e.timestamp) === ts),
        (e) => e.actor,
      ),
    })),
  );
  const statuses = countBy(events, (e) => e.status);
  expect(daily).toMatchObject({
    totalAnalysed: events.length,
    totalAttacks: events.filter((e) => e.successfulExploit).length,
    totalCriticalActors: distinct(critical, (e) => e.actor),
    totalActiveStatus: statuses.get('ACTIVE') ?? 0,
    totalIgnoredStatus: statuses.get('IGNORED') ?? 0,
    totalUnderReviewStatus: statuses.get('UNDER_REVIEW') ?? 0,
    activeActorsCount: distinct(events, (e) => e.actor),
  });
}

async function checkActors(window: Window, events: Event[]) {
  const { total, rows } = await readPaged<Record<string, unknown>>('fetchThreatActors', 'actors', window);
  const actors = [...new Set(events.map((e) => e.actor))];
  expect([total, rows.length]).toEqual([actors.length, actors.length]);
  // Events come newest first, so an actor's first event is its latest (the default sort is newest first).
  expect(rows.map((r) => r.id)).toEqual(actors);
  // The rows' ObjectIds follow the table's order, so that the vendor's cursor pages it.
  const objectIds = rows.map((r) => String(r.objectId));
  expect(objectIds).toEqual([...new Set(objectIds)].sort().reverse());
  for (const row of rows) {
    const own = events.filter((e) => e.actor === row.id);
    expect(row).toEqual({
      id: row.id,
      objectId: expect.stringMatching(
        new RegExp(`^${own[0].timestamp.toString(16).padStart(8, '0')}[0-9a-f]{16}$`),
      ),
      latestApiEndpoint: own[0].url,
      latestApiIp: row.id,
      latestApiMethod: own[0].method,
      latestApiHost: own[0].host,
      latestAttack: own[0].filterId,
      discoveredAt: own[0].timestamp,
      country: own[0].country,
      activity: own.slice(0, 10).map((e) => ({
        url: e.url,
        method: e.method,
        severity: e.severity,
        subCategory: e.subCategory,
        detectedAt: e.timestamp,
      })),
    });
  }
  const countries = (await post(http, 'getActorsCountPerCounty', window)).body.actorsCountPerCountry;
  const known = rows.filter((r) => r.country !== '');
  expect(new Map(countries.map((c: Record<string, string>) => [c.country, c.count]))).toEqual(
    countBy(known, (r) => String(r.country)),
  );
  expect(sum(countries.map((c: { count: number }) => c.count))).toBe(known.length);
}

async function checkFilteredList(window: Window, events: Event[], random: () => number) {
  const urls = [...new Set(events.map((e) => e.url))].filter(() => random() < 0.1);
  const types = random() < 0.5 ? ['Rule-Based'] : [];
  const filtered = await readEvents(window, { urls, types });
  const expected = events.filter(
    (e) => (urls.length === 0 || urls.includes(e.url)) && (types.length === 0 || types.includes(e.type)),
  );
  expect(filtered.map((e) => e.id)).toEqual(expected.map((e) => e.id));
}

function randomWindows(random: () => number): Window[] {
  const windows: Window[] = [
    { startTs: 0, endTs: 0 },
    { startTs: 1756837800, endTs: 1757442599 },
  ];
  while (windows.length < 5) {
    // At least a day long, some open-ended (endTs 0 is now), some reaching before the dataset's first day.
    const startTs = NOW - 2 * DAY - Math.floor(random() * 31 * DAY);
    const endTs = random() < 0.25 ? 0 : startTs + DAY + Math.floor(random() * 7 * DAY);
    windows.push({ startTs, endTs });
  }
  return windows;
}

beforeAll(async () => {
  [spec] = await loadSpecs([VENDOR_SPECS.aktoThreatDetection]);
  http = request(await createMockApp({ specs: [spec] }));
});

it('recomputes every windowed aggregate from the event list, for seeded random windows and filters', async () => {
  const random = seededRandom(20250909);
  const sizes: number[] = [];
  for (const window of randomWindows(random)) {
    const events = await readEvents(window);
    sizes.push(events.length);
    if (window.startTs === 0 && window.endTs === 0) everything = events;
    await checkCounts(window, events);
    await checkDays(window, events);
    await checkActors(window, events);
    await checkFilteredList(window, events, random);
  }
  // The windows must hold events for the comparisons to mean anything.
  expect(sizes.filter((n) => n > 100)).toHaveLength(sizes.length);
});

it('recomputes the API table and the filter lists from every stored event', async () => {
  const events = everything;
  const { total, rows } = await readPaged<Record<string, unknown>>('fetchThreatApis', 'apis', {});
  const keys = [...new Set(events.map((e) => `${e.method} ${e.url}`))];
  expect([total, rows.length]).toEqual([keys.length, keys.length]);
  expect(rows.map((r) => `${r.method} ${r.api}`)).toEqual(keys); // newest first, like the events
  for (const row of rows) {
    const its = events.filter((e) => e.url === row.api && e.method === row.method);
    expect(row).toMatchObject({
      requestsCount: its.length,
      actorsCount: distinct(its, (e) => e.actor),
      discoveredAt: its[0].timestamp,
      host: its[0].host,
    });
  }
  expect(sum(rows.map((r) => Number(r.requestsCount)))).toBe(events.length);
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const table = (await post(http, 'fetchFiltersThreatTable', {})).body;
  expect([table.ips, table.urls, table.hosts, table.subCategory]).toEqual([
    sorted(events.map((e) => e.actor)),
    sorted(events.map((e) => e.url)),
    sorted(events.map((e) => e.host)),
    sorted(events.map((e) => e.filterId)),
  ]);
  const latest = new Map<string, Event>();
  for (const e of events) if (!latest.has(e.actor)) latest.set(e.actor, e);
  const actors = (await post(http, 'fetchFiltersForThreatActors', {})).body;
  expect([actors.actorId, actors.country, actors.latestAttack, actors.host]).toEqual([
    sorted([...latest.keys()]),
    sorted([...latest.values()].map((e) => e.country)),
    sorted([...latest.values()].map((e) => e.filterId)),
    sorted([...latest.values()].map((e) => e.host)),
  ]);
});

describe('seeds', () => {
  // A smaller dataset of the same generator keeps three extra mocks cheap.
  let seedDir: string;
  beforeAll(() => {
    seedDir = mkdtempSync(join(tmpdir(), 'akto-threat-'));
    const options = '{ days: 30, events: 600, actors: 80 }';
    writeFileSync(
      join(seedDir, 'akto-threat-detection.yaml'),
      `generators:\n  - name: dataset\n    options: ${options}\n`,
    );
  });
  afterAll(() => rmSync(seedDir, { recursive: true, force: true }));

  const probes: Array<[string, object]> = [
    [
      'fetchSuspectSampleData',
      { urls: [], types: [], startTimestamp: 0, endTimestamp: 0, skip: 10, limit: 100 },
    ],
    ['fetchThreatActors', { startTs: 0, endTs: 0, skip: 50 }],
    ['fetchThreatApis', { skip: 0, sort: { actorsCount: -1 } }],
    ['getDailyThreatActorsCount', { startTs: 1756837800, endTs: 1757442599 }],
    [
      'fetchAggregateMaliciousRequests',
      {
        actor: '51.159.103.236',
        filterId: 'LocalFileInclusionLFIRFI',
        refId: 'b302ed4c-a376-4cfe-9bcf-e566577afcf1',
        eventType: 'SINGLE',
      },
    ],
  ];
  const answers = async (seed: number) => {
    const client = request(await createMockApp({ specs: [spec], seed, seedDir }));
    const texts: string[] = [];
    for (const [path, body] of probes) texts.push((await post(client, path, body)).text);
    return texts;
  };

  it('gives identical answers for the same seed and other data for another seed', async () => {
    const [first, again, other] = [await answers(7), await answers(7), await answers(8)];
    expect(JSON.parse(first[0]).total).toBe(600);
    expect(again).toEqual(first);
    for (const i of [0, 1, 2, 3, 4]) expect(other[i]).not.toEqual(first[i]);
  });
});
