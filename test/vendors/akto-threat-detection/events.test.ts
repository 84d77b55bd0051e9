import request from 'supertest';
import { createMockApp, type MockApp } from '../../../src/server/app';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/** The event list (fetchSuspectSampleData), the samples behind an event, and the seeded dataset itself. */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const NOW = 1757440800; // the mock clock: 2025-09-09T18:00:00Z
const ALL = { urls: [], types: [], startTimestamp: 0, endTimestamp: 0 };

interface Event {
  id: string;
  refId: string;
  actor: string;
  ip: string;
  country: string;
  filterId: string;
  category: string;
  subCategory: string;
  severity: string;
  type: string;
  eventType: string;
  url: string;
  method: string;
  timestamp: number;
  payload: string;
  metadata: string;
  jiraTicketUrl?: string;
}

let app: MockApp;
let http: ReturnType<typeof request>;
let everything: Event[];

async function post(path: string, body: object) {
  const response = await http.post(`/api/${path}`).set(KEY).send(body);
  expect(response.headers['x-secmock-violations']).toBeUndefined();
  return response;
}

const events = async (body: object): Promise<{ total: number; maliciousEvents: Event[] }> =>
  (await post('fetchSuspectSampleData', { ...ALL, limit: 50, skip: 0, ...body })).body;

beforeAll(async () => {
  app = await createMockApp({ specs: [VENDOR_SPECS.aktoThreatDetection] });
  http = request(app);
  everything = (await events({ limit: 10_000 })).maliciousEvents;
});

describe('the seeded threat dataset', () => {
  it('holds thousands of events over 30 days from hundreds of actors in dozens of countries', () => {
    expect(everything).toHaveLength(5000);
    const times = everything.map((e) => e.timestamp);
    expect(Math.max(...times)).toBeLessThan(NOW);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 30 * 86_400);
    const actors = new Set(everything.map((e) => e.actor));
    expect(actors.size).toBeGreaterThanOrEqual(300);
    expect(new Set(everything.map((e) => e.country)).size).toBeGreaterThanOrEqual(24);
    expect(new Set(everything.map((e) => e.severity))).toEqual(
      new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']),
    );
    expect(new Set(everything.map((e) => e.eventType))).toEqual(new Set(['SINGLE', 'AGGREGATED']));
  });

  it('gives each actor one country and makes payload and metadata restate the event', () => {
    const countryOf = new Map<string, Set<string>>();
    for (const e of everything) countryOf.set(e.actor, (countryOf.get(e.actor) ?? new Set()).add(e.country));
    expect([...countryOf.values()].every((countries) => countries.size === 1)).toBe(true);
    for (const e of everything.slice(0, 300)) {
      expect(e.actor.split(':')[0]).toBe(e.ip);
      expect(e.payload).toContain(`method: "${e.method}"\npath: "${e.url}`);
      expect(e.payload).toContain(`\ntime: ${e.timestamp}\n`);
      expect(e.payload).toContain(`\nip: "${e.ip}"\n`);
      expect(e.metadata).toBe(`country_code: "${e.country}"\n`);
    }
  });

  it('takes category, sub-category and severity from the template named by filterId', async () => {
    const { templates } = (await post('fetchFilterYamlTemplate', {})).body as {
      templates: Array<{
        id: string;
        info: { category: { name: string }; subCategory: string; severity: string };
      }>;
    };
    expect(templates.map((t) => t.id)).toEqual(
      [...templates.map((t) => t.id)].sort((a, b) => a.localeCompare(b)),
    );
    const byId = new Map(templates.map((t) => [t.id, t.info]));
    for (const e of everything) {
      const info = byId.get(e.filterId);
      expect(info && [info.category.name, info.subCategory, info.severity]).toEqual([
        e.category,
        e.subCategory,
        e.severity,
      ]);
    }
    expect(new Set(everything.map((e) => e.filterId)).size).toBe(templates.length);
  });
});

describe('fetchSuspectSampleData', () => {
  it("answers the document's example with its url and type, newest first", async () => {
    const body = {
      urls: ['/portal/redlion'],
      types: ['Rule-Based'],
      limit: 50,
      skip: 0,
      sort: { detectedAt: -1 },
      endTimestamp: 1757442599,
      startTimestamp: 1752172200,
    };
    const answer = (await post('fetchSuspectSampleData', body)).body;
    const expected = everything.filter((e) => e.url === '/portal/redlion' && e.type === 'Rule-Based');
    expect(answer.total).toBe(expected.length);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.maliciousEvents.map((e: Event) => e.id)).toEqual(expected.slice(0, 50).map((e) => e.id));
    expect(answer).toMatchObject({ urls: body.urls, types: body.types, sort: body.sort, severity: null });
    expect(answer.maliciousEvents.map((e: Event) => e.id)).toContain('e6cb0490-d627-49cc-a592-7c53bebab799');
  });

  it('pages by skip and limit and sorts both ways', async () => {
    const first = await events({});
    expect(first.maliciousEvents.map((e) => e.id)).toEqual(everything.slice(0, 50).map((e) => e.id));
    const second = await events({ skip: 50 });
    expect(second.maliciousEvents.map((e) => e.id)).toEqual(everything.slice(50, 100).map((e) => e.id));
    const oldest = await events({ sort: { timestamp: 1 }, limit: 7, skip: 3 });
    expect(oldest.maliciousEvents.map((e) => e.id)).toEqual(
      everything
        .slice(-10, -3)
        .reverse()
        .map((e) => e.id),
    );
    const beyond = await events({ skip: 5000 });
    expect(beyond).toMatchObject({ total: 5000, maliciousEvents: [] });
  });

  it('keeps the window inclusive and reads endTimestamp 0 as now', async () => {
    const [a, b] = [everything[900].timestamp, everything[100].timestamp];
    const inside = everything.filter((e) => e.timestamp >= a && e.timestamp <= b);
    const answer = await events({ startTimestamp: a, endTimestamp: b, limit: 5000 });
    expect(answer.total).toBe(inside.length);
    expect(answer.maliciousEvents.map((e) => e.id)).toEqual(inside.map((e) => e.id));
    const since = await events({ startTimestamp: a, endTimestamp: 0 });
    expect(since.total).toBe(everything.filter((e) => e.timestamp >= a).length);
    expect((await events({ startTimestamp: b + 1, endTimestamp: a })).total).toBe(0);
  });

  it('filters by several urls and types', async () => {
    const urls = [everything[0].url, everything[1].url];
    const types = ['Threshold-Based'];
    const expected = everything.filter((e) => urls.includes(e.url) && types.includes(e.type));
    expect((await events({ urls, types, limit: 5000 })).maliciousEvents).toEqual(expected);
    expect((await events({ urls: ['/nowhere'] })).total).toBe(0);
  });

  it('refuses a request without its required fields, in the vendor envelope', async () => {
    const response = await http.post('/api/fetchSuspectSampleData').set(KEY).send({ urls: [] });
    expect(response.status).toBe(422);
    expect(response.body.actionErrors.length).toBeGreaterThan(0);
  });
});

describe('fetchAggregateMaliciousRequests', () => {
  it("answers the document's example with the sample behind the event", async () => {
    const body = {
      actor: '51.159.103.236',
      filterId: 'LocalFileInclusionLFIRFI',
      refId: 'b302ed4c-a376-4cfe-9bcf-e566577afcf1',
      eventType: 'SINGLE',
    };
    const answer = (await post('fetchAggregateMaliciousRequests', body)).body;
    const event = everything.find((e) => e.refId === body.refId) as Event;
    expect(answer).toMatchObject({ ...body, actorsCountPerCounty: 'SUCCESS', endTs: NOW, total: 0 });
    expect(answer.maliciousPayloadsResponses).toHaveLength(1);
    const [sample] = answer.maliciousPayloadsResponses;
    expect(sample.ts).toBe(event.timestamp);
    expect(JSON.parse(sample.metadata)).toEqual({ countryCode: 'FR' });
    const orig = JSON.parse(sample.orig);
    expect(orig).toMatchObject({ method: event.method, ip: event.ip, time: event.timestamp });
    expect(event.payload).toContain(`path: "${orig.path}"`);
    expect(event.payload).toContain(`status_code: ${orig.statusCode}\n`);
    expect(JSON.parse(orig.requestHeaders)['x-forwarded-for']).toContain(event.ip);
  });

  it('answers every request of an aggregated event, newest first, and nothing for no match', async () => {
    const aggregated = everything.find((e) => e.eventType === 'AGGREGATED') as Event;
    const group = everything.filter((e) => e.refId === aggregated.refId);
    expect(group.length).toBeGreaterThan(1);
    const { actor, filterId, refId } = aggregated;
    const answer = (
      await post('fetchAggregateMaliciousRequests', { actor, filterId, refId, eventType: 'AGGREGATED' })
    ).body;
    expect(answer.maliciousPayloadsResponses.map((p: { ts: number }) => p.ts)).toEqual(
      group.map((e) => e.timestamp),
    );
    const none = await post('fetchAggregateMaliciousRequests', {
      actor: '1.1.1.1',
      filterId,
      refId,
      eventType: 'SINGLE',
    });
    expect(none.body.maliciousPayloadsResponses).toEqual([]);
  });
});

describe('a stored change', () => {
  it('shows a linked Jira ticket on the event and moves the aggregates (no stale cache)', async () => {
    const resource = app.mock.resources.get('maliciousEvents');
    const id = '4a3502a0-ab5f-4255-9628-aae3b0ef33bd';
    const stored = resource?.find(id) as Record<string, unknown>;
    const before = (await post('fetchCountBySeverity', { startTs: 0, endTs: 0 })).body.categoryCounts;
    const url = 'https://example-org.atlassian.net/browse/SCRUM-43';
    resource?.collection.put(id, { ...stored, jiraTicketUrl: url });
    const extra = '00000000-0000-4000-8000-000000000001';
    resource?.collection.put(extra, { ...stored, id: extra, severity: 'INFO' });
    const found = await events({ urls: [String(stored.url)], limit: 5000 });
    expect(found.maliciousEvents.find((e) => e.id === id)?.jiraTicketUrl).toBe(url);
    const after = (await post('fetchCountBySeverity', { startTs: 0, endTs: 0 })).body.categoryCounts;
    const info = (counts: Array<{ subCategory: string; count: number }>) =>
      counts.find((c) => c.subCategory === 'INFO')?.count;
    expect(info(after)).toBe((info(before) ?? 0) + 1);
    app.mock.reset();
  });
});
