import request from 'supertest';
import { loadSpecs, type SpecModel } from '../../../src/openapi';
import { createMockApp, type MockApp } from '../../../src/server/app';
import { VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/**
 * Two levels of truth for the threat windows: the Akto dashboard leaves `startTimestamp`/`endTimestamp` out
 * for "All time" (its observe/api.js wrapper) and sends `{}` to fetchThreatCategoryCount (ThreatApiPage.jsx).
 * The document calls them required; the vendor reads an omitted window as all time. The mock answers like
 * the vendor and reports the departure; a strict mock, or `Prefer: strict=true`, refuses it.
 */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
/** The agentic asset flyout's body (fetchAgenticViolationsPage), without any window. */
const ALL_TIME = { skip: 0, ips: [], urls: [], types: [], apiCollectionIds: [], latestAttack: [], limit: 20 };
const FULL_LIST = { urls: [], types: [], skip: 0, limit: 10_000, startTimestamp: 0, endTimestamp: 0 };

interface Event {
  id: string;
  timestamp: number;
}

let spec: SpecModel;
let app: MockApp;
let http: ReturnType<typeof request>;
let everything: Event[];

beforeAll(async () => {
  [spec] = await loadSpecs([VENDOR_SPECS.aktoThreatDetection], { examples: false });
  app = await createMockApp({ specs: [spec] });
  http = request(app);
  everything = (await http.post('/api/fetchSuspectSampleData').set(KEY).send(FULL_LIST)).body.maliciousEvents;
});

const post = (path: string, body: object) => http.post(`/api/${path}`).set(KEY).send(body);

describe('an omitted window', () => {
  it('lists every event in fetchSuspectSampleData, and is reported as document-only', async () => {
    const answer = await post('fetchSuspectSampleData', ALL_TIME);
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(everything.length);
    expect(answer.body.maliciousEvents.map((e: Event) => e.id)).toEqual(
      everything.slice(0, 20).map((e) => e.id),
    );
    expect(answer.body).toMatchObject({ startTimestamp: 0, endTimestamp: 0, limit: 20 });
    expect(answer.headers['x-secmock-violations']).toBe(
      '2; document-only: body.endTimestamp: is required | document-only: body.startTimestamp: is required',
    );
    const [logged] = app.mock.log.recent(1);
    expect(logged.documentDepartures).toEqual([
      'body.endTimestamp: is required',
      'body.startTimestamp: is required',
    ]);
    expect(logged.requestViolations).toEqual([]);
  });

  it('has no upper bound without an end, and no lower bound without a start', async () => {
    const middle = everything[2500].timestamp;
    const until = await post('fetchSuspectSampleData', { ...ALL_TIME, endTimestamp: middle });
    expect(until.body.total).toBe(everything.filter((e) => e.timestamp <= middle).length);
    const since = await post('fetchSuspectSampleData', { ...ALL_TIME, startTimestamp: middle });
    expect(since.body.total).toBe(everything.filter((e) => e.timestamp >= middle).length);
    expect(until.body.total + since.body.total).toBe(everything.length + 1);
  });

  it('counts every event in fetchThreatCategoryCount, as two zeros do', async () => {
    const answer = await post('fetchThreatCategoryCount', {});
    expect(answer.status).toBe(200);
    const counts = answer.body.categoryCounts as Array<{ count: number }>;
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(everything.length);
    expect((await post('fetchThreatCategoryCount', { startTs: 0, endTs: 0 })).body).toEqual(answer.body);
    expect(answer.headers['x-secmock-violations']).toBe(
      '2; document-only: body.endTs: is required | document-only: body.startTs: is required',
    );
  });

  it('is still refused where the dashboard always sends a window', async () => {
    const refused = await post('fetchCountBySeverity', {});
    expect(refused.status).toBe(422);
    expect(refused.body.actionErrors).toEqual(
      expect.arrayContaining(['body.endTs: is required', 'body.startTs: is required']),
    );
  });
});

describe('strict mode', () => {
  it('refuses the omitted window in the actionErrors envelope', async () => {
    const strict = request(await createMockApp({ specs: [spec], strict: true }));
    const refused = await strict.post('/api/fetchSuspectSampleData').set(KEY).send(ALL_TIME);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      actionErrors: ['body.endTimestamp: is required', 'body.startTimestamp: is required'],
    });
    const counts = await strict.post('/api/fetchThreatCategoryCount').set(KEY).send({});
    expect([counts.status, counts.body.actionErrors.length]).toEqual([422, 2]);
    const relaxed = await strict
      .post('/api/fetchSuspectSampleData')
      .set(KEY)
      .set('Prefer', 'strict=false')
      .send(ALL_TIME);
    expect(relaxed.status).toBe(200);
  });

  it('is asked for one request with Prefer: strict=true', async () => {
    const refused = await http
      .post('/api/fetchThreatCategoryCount')
      .set(KEY)
      .set('Prefer', 'strict=true')
      .send({});
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ actionErrors: ['body.endTs: is required', 'body.startTs: is required'] });
    const windowed = await http
      .post('/api/fetchThreatCategoryCount')
      .set(KEY)
      .set('Prefer', 'strict=true')
      .send({ startTs: 0, endTs: 0 });
    expect(windowed.status).toBe(200);
  });
});
