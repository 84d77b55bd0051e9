import { readFileSync } from 'node:fs';
import request from 'supertest';
import { parse } from 'yaml';
import { createMockApp } from '../../../src/server/app';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/** Actor and API tables, windowed aggregates, filters, templates and remediation, one endpoint at a time. */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const NOW = 1757440800;
const DAY = 86_400;

interface Event {
  id: string;
  actor: string;
  filterId: string;
  status: string;
  country: string;
  severity: string;
  subCategory: string;
  url: string;
  method: string;
  host: string;
  timestamp: number;
}

interface PathItem {
  post: { requestBody: { content: Record<string, { examples: Record<string, { value?: object }> }> } };
}

let http: ReturnType<typeof request>;
let everything: Event[];

async function post(path: string, body: object) {
  const response = await http.post(`/api/${path}`).set(KEY).send(body);
  expect(response.headers['x-secmock-violations']).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  http = request(await createMockApp({ specs: [VENDOR_SPECS.aktoThreatDetection] }));
  const all = { urls: [], types: [], startTimestamp: 0, endTimestamp: 0, skip: 0, limit: 10_000 };
  everything = (await post('fetchSuspectSampleData', all)).maliciousEvents;
});

it('answers every documented example request with data that validates', async () => {
  const spec = parse(readFileSync(VENDOR_SPECS.aktoThreatDetection, 'utf8')) as {
    paths: Record<string, PathItem>;
  };
  const examples = Object.entries(spec.paths).map(
    ([path, item]) =>
      [path, item.post.requestBody.content['application/json'].examples.documented.value] as const,
  );
  expect(examples).toHaveLength(13);
  for (const [path, body] of examples) {
    const answer = await post(path.replace('/api/', ''), body ?? {});
    const lists = Object.values(typeof answer === 'string' ? { answer: [answer] } : answer).filter(
      Array.isArray,
    );
    expect({ path, empty: lists.some((list) => list.length === 0) || lists.length === 0 }).toEqual({
      path,
      empty: false,
    });
  }
});

describe('fetchThreatActors', () => {
  it('pages actors by 50, newest first, each with its latest event and 10 most recent events', async () => {
    const page = await post('fetchThreatActors', {
      startTs: 0,
      endTs: 1788978599,
      skip: 0,
      sort: { discoveredAt: -1 },
    });
    expect(page.total).toBe(new Set(everything.map((e) => e.actor)).size);
    expect(page.actors).toHaveLength(50);
    const times = page.actors.map((a: { discoveredAt: number }) => a.discoveredAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const actor of page.actors.slice(0, 10)) {
      const own = everything.filter((e) => e.actor === actor.id);
      expect(actor).toMatchObject({
        latestApiIp: actor.id,
        latestApiEndpoint: own[0].url,
        latestApiMethod: own[0].method,
        latestApiHost: own[0].host,
        latestAttack: own[0].filterId,
        discoveredAt: own[0].timestamp,
        country: own[0].country,
      });
      expect(actor.activity.map((a: { detectedAt: number }) => a.detectedAt)).toEqual(
        own.slice(0, 10).map((e) => e.timestamp),
      );
    }
    const last = await post('fetchThreatActors', {
      startTs: 0,
      endTs: 0,
      skip: page.total - 3,
      sort: { discoveredAt: 1 },
    });
    expect(last.actors).toHaveLength(3);
    expect(last.actors[2].discoveredAt).toBe(everything[0].timestamp);
  });

  it('counts only the actors of the window', async () => {
    const window = { startTs: NOW - 2 * DAY, endTs: NOW - DAY };
    const inside = everything.filter((e) => e.timestamp >= window.startTs && e.timestamp <= window.endTs);
    const page = await post('fetchThreatActors', { ...window, skip: 0 });
    expect(page.total).toBe(new Set(inside.map((e) => e.actor)).size);
    expect(page).toMatchObject({
      ...window,
      skip: 0,
      sort: null,
      actorsCountPerCounty: 'SUCCESS',
      actor: null,
    });
  });
});

describe('fetchThreatApis', () => {
  it('groups events by url and method, pages by 50 and sorts on request counts', async () => {
    const pairs = new Set(everything.map((e) => `${e.method} ${e.url}`));
    const first = await post('fetchThreatApis', { skip: 0, sort: { requestsCount: -1 } });
    expect(first.total).toBe(pairs.size);
    expect(first.apis).toHaveLength(50);
    const counts = first.apis.map((a: { requestsCount: number }) => a.requestsCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const top = first.apis[0];
    const its = everything.filter((e) => e.url === top.api && e.method === top.method);
    expect(top).toMatchObject({
      requestsCount: its.length,
      actorsCount: new Set(its.map((e) => e.actor)).size,
      discoveredAt: its[0].timestamp,
      host: its[0].host,
    });
    expect(first).toMatchObject({
      threatActivityTimeline: 'SUCCESS',
      startTs: 0,
      endTs: 0,
      categoryCounts: null,
    });
    const rest = await post('fetchThreatApis', { skip: 50 * Math.floor(pairs.size / 50) });
    expect(rest.apis).toHaveLength(pairs.size % 50);
  });
});

describe('windowed aggregates', () => {
  const window = { startTs: 1756837800, endTs: 1757442599 };
  const inside = () => everything.filter((e) => e.timestamp >= window.startTs && e.timestamp <= window.endTs);

  it('fetchCountBySeverity counts per severity in the vendor layout and order', async () => {
    const { categoryCounts } = await post('fetchCountBySeverity', window);
    expect(categoryCounts.map((c: { subCategory: string }) => c.subCategory)).toEqual([
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'LOW',
      'INFO',
    ]);
    for (const c of categoryCounts) {
      expect(c.category).toBe('');
      expect(c.count).toBe(inside().filter((e) => e.severity === c.subCategory).length);
    }
  });

  it('getActorsCountPerCounty counts distinct actors per known country, largest first', async () => {
    const { actorsCountPerCountry } = await post('getActorsCountPerCounty', window);
    const counts = actorsCountPerCountry.map((c: { count: number }) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const us = new Set(
      inside()
        .filter((e) => e.country === 'US')
        .map((e) => e.actor),
    ).size;
    expect(actorsCountPerCountry.find((c: { country: string }) => c.country === 'US')?.count).toBe(us);
    expect(actorsCountPerCountry.some((c: { country: string }) => c.country === '')).toBe(false);
  });

  it('getThreatActivityTimeline and getDailyThreatActorsCount list UTC days oldest first', async () => {
    const { threatActivityTimelines } = await post('getThreatActivityTimeline', window);
    const days = threatActivityTimelines.map((d: { ts: number }) => d.ts);
    expect(days).toEqual(
      [...new Set(inside().map((e) => e.timestamp - (e.timestamp % DAY)))].sort((a, b) => a - b),
    );
    const daily = await post('getDailyThreatActorsCount', window);
    expect(daily.actorsCounts.map((d: { ts: number }) => d.ts)).toEqual(days);
    expect(daily.totalAnalysed).toBe(inside().length);
  });

  it('an empty window has no counts', async () => {
    const empty = { startTs: NOW + DAY, endTs: NOW + 2 * DAY };
    expect(await post('fetchThreatCategoryCount', empty)).toEqual({ categoryCounts: [] });
    expect((await post('getDailyThreatActorsCount', empty)).activeActorsCount).toBe(0);
  });
});

describe('filters, templates and remediation', () => {
  it('fetchFiltersThreatTable and fetchFiltersForThreatActors list exactly the values present', async () => {
    const table = await post('fetchFiltersThreatTable', {});
    expect(new Set(table.ips)).toEqual(new Set(everything.map((e) => e.actor)));
    expect(new Set(table.urls)).toEqual(new Set(everything.map((e) => e.url)));
    expect(table).toMatchObject({ limit: 50, total: 0, maliciousEvents: null });
    const actors = await post('fetchFiltersForThreatActors', {});
    expect(actors.actorId).toEqual(table.ips);
    expect(new Set(actors.country)).toEqual(new Set(everything.map((e) => e.country)));
    expect(actors.endTs).toBe(NOW);
  });

  it('fetchRemediationInfo answers markdown for a template, generic guidance otherwise, 422 when empty', async () => {
    const known = await post('fetchRemediationInfo', { testId: 'SQLInjection' });
    expect(known).toMatch(/^## Remediation: SQL Injection \(SQLInjection\)\n/);
    expect(known).toContain('parameterised queries');
    expect(await post('fetchRemediationInfo', { testId: 'MyFilter' })).toContain('`MyFilter`');
    const empty = await http.post('/api/fetchRemediationInfo').set(KEY).send({ testId: '  ' });
    expect([empty.status, empty.body]).toEqual([422, { actionErrors: ['testId is empty'] }]);
  });
});
