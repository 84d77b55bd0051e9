import { startMock, type RunningMock } from '../../src/server/serve';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * Outages and broken networks, as a real client sees them (node's fetch): an outage status in the vendor's
 * envelope with Retry-After, a reset, an empty reply, a body cut short, a body that is not JSON, no answer;
 * a flaky scenario that repeats its sequence with the same seed; a jittered delay on the real answer.
 */
const ME = { authorization: 'Bearer secmock-me-token' };
let mock: RunningMock;
const list = () => `${mock.url}/api/v2/incident?limit=1`;
const scenario = (body: object) =>
  fetch(`${mock.url}/__secmock/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const causeOf = async (request: Promise<unknown>) =>
  request.then(
    () => 'answered',
    (error: Error & { cause?: { code?: string; message?: string } }) => error.cause?.code ?? error.name,
  );

beforeAll(async () => {
  mock = await startMock({ specs: [VENDOR_SPECS.manageEngine], port: 0 });
});
beforeEach(() => fetch(`${mock.url}/__secmock/reset`, { method: 'POST' }));
afterAll(() => mock.close());

describe('network faults, asked for with Prefer: fault=<kind>', () => {
  it('reset: the connection is reset', async () => {
    expect(await causeOf(fetch(list(), { headers: { ...ME, prefer: 'fault=reset' } }))).toBe('ECONNRESET');
  });

  it('empty: the connection closes with no reply', async () => {
    expect(await causeOf(fetch(list(), { headers: { ...ME, prefer: 'fault=empty' } }))).toBe(
      'UND_ERR_SOCKET',
    );
  });

  it('truncated: the headers promise more body than arrives', async () => {
    const response = await fetch(list(), { headers: { ...ME, prefer: 'fault=truncated' } });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await causeOf(response.text())).toBe('UND_ERR_SOCKET');
  });

  it('malformed: a complete body that is not the JSON it claims', async () => {
    const response = await fetch(list(), { headers: { ...ME, prefer: 'fault=malformed' } });
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    // undici parses in its own realm: compare the error's name, not its class.
    await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
  });

  it('timeout: no answer until the client gives up, and the server still closes', async () => {
    const started = Date.now();
    const request = fetch(list(), {
      headers: { ...ME, prefer: 'fault=timeout' },
      signal: AbortSignal.timeout(300),
    });
    expect(await causeOf(request)).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const log = (await (await fetch(`${mock.url}/__secmock/requests`)).json()) as {
      requests: Array<{ fault?: string; status: number }>;
    };
    expect(log.requests.at(-1)).toMatchObject({ fault: 'timeout', status: 0 });
  });

  it('an unknown fault is refused in the vendor envelope, naming the choices', async () => {
    const response = await fetch(list(), { headers: { ...ME, prefer: 'fault=teapot' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { detail: string } }).error.detail).toBe(
      'Prefer: fault=teapot is not one of reset, empty, truncated, malformed, timeout, 429, 500, 502, 503, 504',
    );
  });
});

describe('outages through scenarios', () => {
  it('503 in the vendor envelope with Retry-After, marked as a fault, though the spec does not document it', async () => {
    const added = await scenario({
      operationId: 'listIncidents',
      fault: 'outage',
      status: 503,
      retryAfter: 30,
    });
    expect(added.status).toBe(201);
    const response = await fetch(list(), { headers: ME });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('x-secmock-violations')).toBe('1; fault: injected outage 503');
    expect(await response.json()).toEqual({
      error: { code: '07001110', title: 'Internal Server Error', detail: 'Something went wrong.' },
    });
    // One use: the next request gets the real answer.
    expect((await fetch(list(), { headers: ME })).status).toBe(200);
  });

  it('an undocumented status asked for without saying it is a fault is still refused, with the reason', async () => {
    const refused = await scenario({ operationId: 'listIncidents', status: 503 });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: 'scenario refused',
      reasons: ['status 503 is not documented for listIncidents'],
    });
    const notAnOutage = await scenario({ operationId: 'listIncidents', fault: 'outage', status: 418 });
    expect(((await notAnOutage.json()) as { reasons: string[] }).reasons).toEqual([
      "an outage needs a 'status' of 429, 500, 502, 503, 504",
    ]);
  });

  it('a flaky scenario fails its share of requests, in the same sequence for the same seed', async () => {
    const run = async () => {
      await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
      await scenario({
        operationId: 'listIncidents',
        fault: 'outage',
        status: 502,
        probability: 0.3,
        times: 'always',
        seed: 7,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await fetch(list(), { headers: ME })).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failed = first.filter((s) => s === 502).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    expect(new Set(first)).toEqual(new Set([200, 502]));
  });

  it('a delay between min and max on the real, stateful answer', async () => {
    await scenario({ operationId: 'getIncident', delayMs: { min: 120, max: 180 }, times: 3 });
    const created = (await (
      await fetch(`${mock.url}/api/v2/incident`, {
        method: 'POST',
        headers: { ...ME, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'delayed read' }),
      })
    ).json()) as { data: { incident_id: number } };
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const response = await fetch(`${mock.url}/api/v2/incident/${created.data.incident_id}`, {
        headers: ME,
      });
      const took = Date.now() - started;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { incident_name: string } }).data.incident_name).toBe(
        'delayed read',
      );
      expect(took).toBeGreaterThanOrEqual(115);
    }
  });
});
