import request from 'supertest';
import { createMockApp, type MockApp } from '../../../src/server/app';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/**
 * The filters the Akto dashboard sends and the vendor's backend applies: each one narrows the event list to
 * exactly the events it names, and the windowed aggregates narrow with it, so they keep agreeing.
 */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const ALL = { urls: [], types: [], skip: 0, limit: 10_000, startTimestamp: 0, endTimestamp: 0 };
const RANK: Record<string, number> = { CRITICAL: 1, HIGH: 2, MEDIUM: 3, LOW: 4 };

interface Event {
  id: string;
  actor: string;
  ip: string;
  filterId: string;
  severity: string;
  status: string;
  url: string;
  method: string;
  host: string;
  apiCollectionId: number;
  timestamp: number;
  successfulExploit: boolean;
  payload: string;
  sessionId: string;
  jiraTicketUrl: string;
  owaspCategories: unknown;
}

let app: MockApp;
let http: ReturnType<typeof request>;
let everything: Event[];

async function post(path: string, body: object, headers: Record<string, string> = {}) {
  const response = await http.post(`/api/${path}`).set(KEY).set(headers).send(body);
  expect(response.headers['x-secmock-violations']).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body;
}
const list = async (body: object, headers?: Record<string, string>) =>
  (await post('fetchSuspectSampleData', { ...ALL, ...body }, headers)) as {
    total: number;
    maliciousEvents: Event[];
  };
const ids = (events: Event[]) => events.map((e) => e.id);

beforeAll(async () => {
  app = await createMockApp({ specs: [VENDOR_SPECS.aktoThreatDetection] });
  http = request(app);
  everything = (await list({})).maliciousEvents;
});

describe('fetchSuspectSampleData filters', () => {
  it('answers the keys the dashboard reads on every event', () => {
    for (const e of everything)
      expect([e.sessionId, e.jiraTicketUrl, e.owaspCategories]).toEqual(['', '', null]);
  });

  it('keeps the status tab: ACTIVE, UNDER_REVIEW, IGNORED, TRAINING; EVENTS is ACTIVE; others do not filter', async () => {
    for (const status of ['ACTIVE', 'UNDER_REVIEW', 'IGNORED', 'TRAINING']) {
      const answer = await list({ statusFilter: status });
      expect(ids(answer.maliciousEvents)).toEqual(ids(everything.filter((e) => e.status === status)));
      expect(answer.total).toBeGreaterThan(0);
    }
    expect(ids((await list({ statusFilter: 'EVENTS' })).maliciousEvents)).toEqual(
      ids(everything.filter((e) => e.status === 'ACTIVE')),
    );
    expect((await list({ statusFilter: 'SOMETHING' })).total).toBe(everything.length);
  });

  it('keeps the chosen policies (filterId), severities, actors, hosts, methods and collections', async () => {
    const [a, b] = [everything[0], everything[1]];
    const cases: Array<[object, (e: Event) => boolean]> = [
      [{ latestAttack: [a.filterId, b.filterId] }, (e) => [a.filterId, b.filterId].includes(e.filterId)],
      [{ severity: ['CRITICAL', 'HIGH'] }, (e) => ['CRITICAL', 'HIGH'].includes(e.severity)],
      [{ ips: [a.actor] }, (e) => e.actor === a.actor],
      [{ hosts: [a.host] }, (e) => e.host === a.host],
      [{ method: [a.method.toLowerCase()] }, (e) => e.method === a.method],
      [{ apiCollectionIds: [a.apiCollectionId] }, (e) => e.apiCollectionId === a.apiCollectionId],
      [{ successfulExploit: true }, (e) => e.successfulExploit],
      [{ successfulExploit: false }, (e) => !e.successfulExploit],
      [
        { searchText: a.filterId.slice(1, 6).toUpperCase() },
        (e) => e.filterId.includes(a.filterId.slice(1, 6)),
      ],
      [
        { latestApiOrigRegex: 'x-forwarded-proto[^h]*https' },
        (e) => /x-forwarded-proto[^h]*https/.test(e.payload),
      ],
    ];
    for (const [filter, keep] of cases) {
      const expected = everything.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(everything.length);
      expect({ filter, ids: ids((await list(filter)).maliciousEvents) }).toEqual({
        filter,
        ids: ids(expected),
      });
    }
  });

  it('applies every filter together, and matches nothing for an invalid expression', async () => {
    const event = everything.find((e) => e.id === '4a3502a0-ab5f-4255-9628-aae3b0ef33bd') as Event;
    const filter = {
      ips: [event.actor],
      urls: [event.url],
      latestAttack: [event.filterId],
      statusFilter: 'ACTIVE',
      successfulExploit: false,
      severity: [event.severity],
      latestApiOrigRegex: 'config',
    };
    expect(ids((await list(filter)).maliciousEvents)).toContain(event.id);
    expect((await list({ ...filter, severity: ['INFO'] })).total).toBe(0);
    expect(await list({ latestApiOrigRegex: '([' })).toMatchObject({ total: 0, maliciousEvents: [] });
  });

  it('sorts by severity rank with sortBySeverity, in the direction of sort.severity', async () => {
    const rank = (e: Event) => RANK[e.severity] ?? 5;
    const first = (await list({ sortBySeverity: true, limit: 500 })).maliciousEvents;
    expect(first.map(rank)).toEqual([...first.map(rank)].sort((x, y) => x - y));
    expect(first[0].severity).toBe('CRITICAL');
    const critical = everything.filter((e) => e.severity === 'CRITICAL');
    expect(ids(first.slice(0, critical.length))).toEqual(ids(critical));
    const last = (await list({ sortBySeverity: true, sort: { severity: -1 }, skip: 10, limit: 20 }))
      .maliciousEvents;
    expect(last.map(rank)).toEqual([...last.map(rank)].sort((x, y) => y - x));
    expect(last[0].severity).toBe('INFO');
  });

  it('applies the Endpoint Security partitions to that category only', async () => {
    const events = app.mock.resources.get('maliciousEvents');
    const base = everything[0];
    const put = (id: string, url: string, timestamp: number) =>
      events?.collection.put(id, { ...base, payload: undefined, id, url, timestamp });
    put('00000000-0000-4000-8000-00000000000a', '/skills/pdf-reader', base.timestamp - 1);
    put('00000000-0000-4000-8000-00000000000b', '/claude/config/skipPrompt', base.timestamp - 2);
    put('00000000-0000-4000-8000-00000000000c', '/claude/config/skipPrompt', base.timestamp - 3);
    const endpoint = { 'x-context-source': 'ENDPOINT' };
    const only = async (mode: object, headers = endpoint) => ids((await list(mode, headers)).maliciousEvents);
    expect(await only({ skillEvaluationMode: 'only' })).toEqual(['00000000-0000-4000-8000-00000000000a']);
    // Misconfigured Settings lists one row per host, actor and setting: its latest occurrence.
    expect(await only({ configEvaluationMode: 'only' })).toEqual(['00000000-0000-4000-8000-00000000000b']);
    const excluded = await only({ skillEvaluationMode: 'exclude', configEvaluationMode: 'exclude' });
    expect(excluded).toEqual(ids(everything));
    expect((await only({ skillEvaluationMode: 'only' }, { 'x-context-source': 'API' })).length).toBe(
      everything.length + 3,
    );
    app.mock.reset();
  });
});

describe('the aggregates narrow with their filters', () => {
  const window = { startTs: 1756837800, endTs: 1757442599 };
  const inWindow = (e: Event) => e.timestamp >= window.startTs && e.timestamp <= window.endTs;
  const sum = (counts: Array<{ count: number }>) => counts.reduce((total, c) => total + c.count, 0);

  it('counts by severity and category the events of a status and of chosen policies', async () => {
    const ignored = everything.filter((e) => inWindow(e) && e.status === 'IGNORED');
    const bySeverity = await post('fetchCountBySeverity', { ...window, severityStatusFilter: 'IGNORED' });
    expect(sum(bySeverity.categoryCounts)).toBe(ignored.length);
    const policy = ignored[0].filterId;
    const policyEvents = ignored.filter((e) => e.filterId === policy);
    const byCategory = await post('fetchThreatCategoryCount', {
      ...window,
      latestAttack: [policy],
      severityStatusFilter: 'IGNORED',
    });
    expect(sum(byCategory.categoryCounts)).toBe(policyEvents.length);
    expect(byCategory.categoryCounts).toHaveLength(1);
  });

  it('keeps the timeline, the daily counts and the API table to the chosen policies', async () => {
    const policy = everything[0].filterId;
    const chosen = everything.filter((e) => inWindow(e) && e.filterId === policy);
    const daily = await post('getDailyThreatActorsCount', { ...window, latestAttack: [policy] });
    expect(daily.totalAnalysed).toBe(chosen.length);
    expect(daily.activeActorsCount).toBe(new Set(chosen.map((e) => e.actor)).size);
    const timeline = await post('getThreatActivityTimeline', { ...window, latestAttack: [policy] });
    const activity = timeline.threatActivityTimelines.flatMap(
      (d: { subCategoryWiseData: Array<{ activityCount: number }> }) => d.subCategoryWiseData,
    );
    expect(activity.reduce((n: number, a: { activityCount: number }) => n + a.activityCount, 0)).toBe(
      chosen.length,
    );
    const apis = await post('fetchThreatApis', { skip: 0, latestAttack: [policy] });
    const all = everything.filter((e) => e.filterId === policy);
    expect(apis.total).toBe(new Set(all.map((e) => `${e.method} ${e.url}`)).size);
  });

  it('narrows the threat table filter values to the window, and echoes it', async () => {
    const body = { startTimestamp: window.startTs, endTimestamp: window.endTs };
    const filters = await post('fetchFiltersThreatTable', body);
    const inside = everything.filter(inWindow);
    expect(filters).toMatchObject(body);
    expect(filters.ips).toEqual([...new Set(inside.map((e) => e.actor))].sort());
    expect(filters.hosts).toEqual([...new Set(inside.map((e) => e.host))].sort());
    expect(filters.subCategory).toEqual([...new Set(inside.map((e) => e.filterId))].sort());
    expect(filters.ips.length).toBeLessThan(new Set(everything.map((e) => e.actor)).size);
  });
});
