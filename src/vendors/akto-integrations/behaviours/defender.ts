import type { Faker } from '@faker-js/faker';
import type { Entity } from '../../../state';
import { publicIpv4, seededUuid } from '../../../generate';
import { type BehaviourContext, ok, type Outcome } from '../../../mock';
import { TESTING_ISSUES } from '../testing-issues';

/**
 * Microsoft Defender for Endpoint: Advanced Hunting (KQL) and Live Response. The mock has no device
 * telemetry of its own, so KQL rows are derived from the seeded dataset: the hosts are those of the seeded
 * Akto testing issues' APIs, the remote IPs those of seeded threat actors (when the threat-detection spec
 * is served), and the timestamps fall in the hour before the newest seeded issue. The same query always
 * answers the same rows.
 */
const DEFAULT_ROWS = 5;
const MAX_ROWS = 50;
const DEFAULT_DEVICE = 'prod-api-server-01';

interface ParsedQuery {
  table: string;
  rows: number;
  /** Columns compared with `==`, with the compared value. */
  pinned: Record<string, string | number | boolean>;
  /** Columns kept by `| project a, b`, when the query has one. */
  projected?: string[];
}

export function parseKql(query: string): ParsedQuery {
  const table = /^\s*([A-Za-z_]\w*)/.exec(query)?.[1] ?? 'DeviceEvents';
  const limit = /\|\s*(?:limit|take)\s+(\d+)/i.exec(query)?.[1];
  const rows = Math.min(limit === undefined ? DEFAULT_ROWS : Number(limit), MAX_ROWS);
  const pinned: ParsedQuery['pinned'] = {};
  const comparisons = /(\w+)\s*==\s*(?:'([^']*)'|"([^"]*)"|(true|false)\b|(-?\d+(?:\.\d+)?))/g;
  for (const m of query.matchAll(comparisons)) {
    pinned[m[1]] = m[2] ?? m[3] ?? (m[4] !== undefined ? m[4] === 'true' : Number(m[5]));
  }
  const project = /\|\s*project\s+([\w\s,]+?)\s*(?:\||$)/i.exec(query)?.[1];
  const projected = project
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  return { table, rows, pinned, projected };
}

/** What the seeded dataset offers: API hosts, threat actor IPs, and the end of its time window. */
function seededContext(ctx: BehaviourContext) {
  const issues = ctx.resourceNamed(TESTING_ISSUES)?.collection.list() ?? [];
  const hosts = [...new Set(issues.map((i) => hostOf(i)).filter((h): h is string => h !== undefined))].sort();
  const events = ctx.resourceNamed('maliciousEvents')?.collection.list() ?? [];
  const ips = [
    ...new Set(events.map((e) => e.ip).filter((ip): ip is string => typeof ip === 'string')),
  ].sort();
  const times = issues.map((i) => Number(i.creationTime)).filter(Number.isFinite);
  const endS = times.length > 0 ? Math.max(...times) : Math.floor(ctx.clock.now() / 86_400_000) * 86_400;
  return { hosts, ips: ips.slice(0, 200), endS };
}

function hostOf(issue: Entity): string | undefined {
  const url = ((issue.id as Entity | undefined)?.apiInfoKey as Entity | undefined)?.url;
  try {
    return typeof url === 'string' ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

function tableColumns(table: string, faker: Faker, seeded: ReturnType<typeof seededContext>): Entity {
  const host =
    seeded.hosts.length > 0 ? faker.helpers.arrayElement(seeded.hosts) : faker.internet.domainName();
  switch (table) {
    case 'DeviceNetworkEvents':
      return {
        ActionType: faker.helpers.arrayElement(['ConnectionSuccess', 'InboundConnectionAccepted']),
        RemoteIP: seeded.ips.length > 0 ? faker.helpers.arrayElement(seeded.ips) : publicIpv4(faker),
        RemotePort: faker.helpers.arrayElement([443, 443, 443, 8443, 80]),
        RemoteUrl: host,
        LocalIP: `10.20.${faker.number.int({ min: 0, max: 15 })}.${faker.number.int({ min: 2, max: 254 })}`,
        Protocol: 'Tcp',
        InitiatingProcessFileName: faker.helpers.arrayElement(['nginx', 'java', 'node', 'envoy']),
      };
    case 'DeviceProcessEvents':
      return {
        ActionType: 'ProcessCreated',
        FileName: faker.helpers.arrayElement(['curl', 'python3', 'bash', 'java']),
        ProcessCommandLine: `curl -s https://${host}/health`,
        AccountName: faker.helpers.arrayElement(['svc-api', 'root', 'deploy']),
      };
    case 'DeviceInfo':
      return { OSPlatform: 'Linux', PublicIP: publicIpv4(faker), OnboardingStatus: 'Onboarded' };
    default:
      return {
        ActionType: faker.helpers.arrayElement(['ProcessCreated', 'ConnectionSuccess', 'FileCreated']),
      };
  }
}

export function runDefenderKqlQuery(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { kqlQuery: string; agentName?: string };
  const query = parseKql(body.kqlQuery);
  const device = body.agentName || DEFAULT_DEVICE;
  const faker = ctx.faker('kql', body.kqlQuery, device);
  const deviceId = ctx
    .faker('device', device)
    .string.hexadecimal({ length: 40, casing: 'lower', prefix: '' });
  const seeded = seededContext(ctx);
  let timeS = seeded.endS;
  const kqlResults = Array.from({ length: query.rows }, () => {
    timeS -= faker.number.int({ min: 30, max: 600 });
    const row: Entity = {
      Timestamp: new Date(timeS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      DeviceId: deviceId,
      DeviceName: device,
      ...tableColumns(query.table, faker, seeded),
      ...query.pinned,
    };
    return query.projected ? Object.fromEntries(query.projected.map((c) => [c, row[c] ?? null])) : row;
  });
  return ok({ kqlResults });
}

/**
 * Runs a Live Response script on each device; each action succeeds. Like the server, the mock does not look
 * the script up: the tenant's library also holds scripts uploaded outside Akto (the dashboard lists them),
 * and a missing one would fail on the Defender side, per device.
 */
export function runDefenderLiveResponse(ctx: BehaviourContext): Outcome {
  const body = ctx.request.body as { deviceIds: string[]; scriptName: string };
  ctx.tick();
  const liveResponseResults = body.deviceIds.map((deviceId) => ({
    deviceId,
    actionId: seededUuid(ctx.seed, 'defenderAction', ctx.store.nextCounter('$aktoDefenderActions', 1)),
    status: 'Succeeded',
  }));
  return ok({ liveResponseResults });
}
