import { jsonMedia } from '../../src/contract/plan/request-parts';
import type { SpecModel } from '../../src/openapi/model';

/**
 * The soak's mixed traffic: what a frontend and a CI suite do all day against the mock. Every scenario that
 * creates also deletes (ManageEngine incidents, Lacework devices), so the store stays the size it started at
 * and any memory growth is the mock's own. Logins mint sessions (bounded), reads hit the read cache and
 * the documented-response cache, and some requests are invalid on purpose (they must get a 4xx).
 */
export interface Tally {
  requests: number;
  /** Unexpected answers: a 5xx, a transport error, or a status the scenario did not expect. */
  errors: number;
  statuses: Record<string, number>;
  samples: string[];
}

export interface Client {
  baseUrl: string;
  tally: Tally;
  /** This worker's Lacework session (renewed by the login scenario). */
  jwt: string;
  userUuids: string[];
  threatExamples: Array<{ path: string; body: unknown }>;
  serial: number;
  /** A seeded ManageEngine incident the fuzz traffic appends notes to (a write that is not a create). */
  incident?: { id: number; name: string };
  /** The secmock session of the scenario being run, if any (x-secmock-session). */
  session?: string;
}

const AKTO = { 'x-api-key': 'secmock-akto-key' };
const ME = { authorization: 'Bearer secmock-me-token' };
const TIMEOUT_MS = 10_000;

/** Sends one request; anything but an expected status counts as an error (with a sample kept). */
export async function call(
  client: Client,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; raw?: string; expect: number[] },
): Promise<unknown> {
  const { tally } = client;
  tally.requests++;
  const headers: Record<string, string> = { ...options.headers };
  if (client.session) headers['x-secmock-session'] = client.session;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(`${client.baseUrl}${path}`, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
    if (!options.expect.includes(response.status))
      return unexpected(tally, `${method} ${path} -> ${response.status} ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch (error) {
    tally.statuses.transport = (tally.statuses.transport ?? 0) + 1;
    return unexpected(tally, `${method} ${path} -> ${(error as Error).message}`);
  }
}

function unexpected(tally: Tally, sample: string): undefined {
  tally.errors++;
  if (tally.samples.length < 20) tally.samples.push(sample);
  return undefined;
}

const lacework = (client: Client) => ({ authorization: `Bearer ${client.jwt}` });
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

export async function login(client: Client): Promise<void> {
  const session = (await call(client, 'GET', '/api/v1/token_login?account=example', {
    headers: { authorization: 'Bearer secmock-lacework-token' },
    expect: [200],
  })) as { token?: string } | undefined;
  if (session?.token) client.jwt = session.token;
}

async function threatAggregate(client: Client): Promise<void> {
  const { path, body } = pick(client.threatExamples);
  await call(client, 'POST', path, { headers: AKTO, body, expect: [200] });
}

async function incidentLifecycle(client: Client): Promise<void> {
  const name = `soak incident ${client.serial++} ${Math.random().toString(36).slice(2, 8)}`;
  const created = (await call(client, 'POST', '/api/v2/incident', {
    headers: ME,
    body: { name, severity: 'attention', notes: ['opened by the soak'] },
    expect: [200],
  })) as { data?: { incident_id?: number } } | undefined;
  const id = created?.data?.incident_id;
  if (id === undefined) return;
  await call(client, 'GET', `/api/v2/incident/${id}`, { headers: ME, expect: [200] });
  await call(client, 'PUT', '/api/v2/incident', {
    headers: ME,
    body: { incident_id: id, name, status: 'in_progress' },
    expect: [200],
  });
  await call(client, 'GET', '/api/v2/incident?limit=20', { headers: ME, expect: [200] });
  await call(client, 'DELETE', '/api/v2/incident', {
    headers: ME,
    body: { incident_ids: [id] },
    expect: [200],
  });
}

async function laceworkReads(client: Client): Promise<void> {
  const paths = [
    '/api/v1/users',
    '/api/v1/groups',
    '/api/v1/apps',
    '/api/v1/workflow_runs',
    '/api/v1/tokens',
    '/api/v1/alerts?start_time=1757340000&end_time=1757440000&status_filter=1',
  ];
  await call(client, 'GET', pick(paths), { headers: lacework(client), expect: [200] });
  if (client.userUuids.length > 0)
    await call(client, 'GET', `/api/v1/users/${pick(client.userUuids)}`, {
      headers: lacework(client),
      expect: [200],
    });
  // A distinct generated answer each time: the documented-response cache must stay at its cap.
  const view = `/api/v1/qs/soak-${Math.floor(Math.random() * 20_000)}?start_time=1757340000000&end_time=1757440000000`;
  await call(client, 'GET', view, { headers: lacework(client), expect: [200] });
}

async function deviceLifecycle(client: Client): Promise<void> {
  const device = (await call(client, 'POST', '/api/v1/devices', {
    headers: lacework(client),
    body: { device: { name: `soak-device-${client.serial++}` } },
    expect: [201],
  })) as { uuid?: string } | undefined;
  if (!device?.uuid) return;
  await call(client, 'GET', `/api/v1/devices/${device.uuid}`, { headers: lacework(client), expect: [200] });
  await call(client, 'DELETE', '/api/v1/devices', {
    headers: lacework(client),
    body: { devices: [{ uuid: device.uuid }] },
    expect: [200],
  });
}

async function aktoConfiguration(client: Client): Promise<void> {
  await call(client, 'POST', '/api/addSplunkIntegration', {
    headers: AKTO,
    body: { splunkUrl: 'https://splunk.example:8088', splunkToken: `soak-${client.serial++}` },
    expect: [200],
  });
}

/** Requests a client gets wrong: each must be refused with a 4xx, never a 5xx. */
async function invalidRequests(client: Client): Promise<void> {
  const cases = [
    () => call(client, 'POST', '/api/v2/incident', { headers: ME, raw: '{"name": ', expect: [400] }),
    () => call(client, 'POST', '/api/addCustomWebhook', { headers: AKTO, body: { url: 5 }, expect: [422] }),
    () => call(client, 'GET', '/api/v1/users', { headers: { authorization: 'Bearer nope' }, expect: [401] }),
    () => call(client, 'GET', '/api/v1/../../etc/passwd', { headers: lacework(client), expect: [404] }),
    () =>
      call(client, 'POST', '/api/fetchCountBySeverity', {
        headers: AKTO,
        body: { startTs: 'x' },
        expect: [422],
      }),
  ];
  await pick(cases)();
}

/** What the edge may answer a fuzzed request: anything but a 5xx, a hang or a broken connection. */
const REFUSALS = [400, 404, 405, 409, 413, 422];

/**
 * Fuzz traffic at full speed: big and deep bodies, numbers past int32/int64, impossible dates, methods no
 * path has, and appends to one stored incident until its lists are full (then a 400, never growth).
 */
async function fuzzRequests(client: Client): Promise<void> {
  const deep = `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`;
  const cases = [
    () =>
      call(client, pick(['QUERY', 'PROPFIND', 'SEARCH']), '/api/v2/incident', { headers: ME, expect: [405] }),
    async () => {
      // A big but valid create, deleted again like every other create of the soak: the store stays the size
      // it started at, so what grows is the mock's own.
      const created = (await call(client, 'POST', '/api/v2/incident', {
        headers: ME,
        body: { name: `big ${client.serial++} ${Math.random()}`, description: 'x'.repeat(300_000) },
        expect: [200, ...REFUSALS],
      })) as { data?: { incident_id?: number } } | undefined;
      const id = created?.data?.incident_id;
      if (id !== undefined)
        await call(client, 'DELETE', '/api/v2/incident', {
          headers: ME,
          body: { incident_ids: [id] },
          expect: [200],
        });
    },
    () => call(client, 'POST', '/api/fetchCountBySeverity', { headers: AKTO, raw: deep, expect: REFUSALS }),
    () =>
      call(client, 'POST', '/api/v2/incident', {
        headers: ME,
        raw: `{"name":"edge ${client.serial++}","assignee":9223372036854775808}`,
        expect: [400],
      }),
    () =>
      call(client, 'POST', '/api/v2/incident', {
        headers: ME,
        body: { name: `date ${client.serial++}`, due_date: '2027-13-45 99:99:99' },
        expect: [400],
      }),
    () =>
      call(client, 'POST', '/api/fetchCountBySeverity', {
        headers: AKTO,
        raw: '{"startTs":2147483648,"endTs":1757440000}',
        expect: [422],
      }),
    async () => {
      if (!client.incident) return;
      await call(client, 'PUT', '/api/v2/incident', {
        headers: ME,
        body: {
          incident_id: client.incident.id,
          name: client.incident.name,
          notes: [`soak note ${client.serial++}`],
        },
        expect: [200, 400],
      });
    },
  ];
  await pick(cases)();
}

const SCENARIOS: Array<[number, (client: Client) => Promise<void>]> = [
  [4, threatAggregate],
  [2, incidentLifecycle],
  [3, laceworkReads],
  [1, deviceLifecycle],
  [1, login],
  [1, aktoConfiguration],
  [1, invalidRequests],
  [3, fuzzRequests],
];
const WEIGHTS = SCENARIOS.reduce((sum, [weight]) => sum + weight, 0);

/**
 * Runs a scenario picked by weight. A third of those that need no Lacework login (a session's world
 * issues its own credentials) run in one of 400 sessions: twice as many as the mock keeps, so sessions are
 * made and evicted all along, and their memory is part of what the soak measures.
 */
export async function runNextScenario(client: Client): Promise<void> {
  const scenario = nextScenario();
  const inSession = !NEEDS_LACEWORK_LOGIN.has(scenario) && Math.random() < 1 / 3;
  client.session = inSession ? `soak-${Math.floor(Math.random() * 400)}` : undefined;
  try {
    await scenario(client);
  } finally {
    client.session = undefined;
  }
}

function nextScenario(): (client: Client) => Promise<void> {
  let roll = Math.random() * WEIGHTS;
  for (const [weight, scenario] of SCENARIOS) if ((roll -= weight) < 0) return scenario;
  return SCENARIOS[0][1];
}

/** The documented example request of every threat-detection read: the aggregates a dashboard polls. */
export function threatExamplesOf(spec: SpecModel): Client['threatExamples'] {
  return spec.operations.flatMap((op) => {
    const example = jsonMedia(op)?.examples[0];
    return example ? [{ path: op.path, body: example.value }] : [];
  });
}

const NEEDS_LACEWORK_LOGIN = new Set<(client: Client) => Promise<void>>([
  laceworkReads,
  deviceLifecycle,
  login,
]);
