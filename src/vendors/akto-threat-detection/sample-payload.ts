import { hashSeed, seededRandom } from '../../generate';
import type { TemplateSeed } from './seed/catalogue';
import type { MaliciousEvent } from './model';
import { TEMPLATE_SEEDS } from './seed/templates';

/**
 * The request/response behind an event, rebuilt from the event and the run seed alone: the event's
 * protobuf-text `payload` (stored) and the JSON `orig` of fetchAggregateMaliciousRequests (computed on
 * demand) are two renderings of the same sample (akto-threat-render.ts), so they always agree.
 */
export type SampleSource = Pick<
  MaliciousEvent,
  'id' | 'method' | 'url' | 'host' | 'ip' | 'timestamp' | 'successfulExploit' | 'filterId'
>;

export interface RequestSample {
  method: string;
  path: string;
  requestHeaders: Array<[string, string]>;
  requestPayload: string;
  statusCode: number;
  status: string;
  responseHeaders: Array<[string, string]>;
  responsePayload: string;
  time: number;
  ip: string;
}

/** The load balancer in front of the protected app (the documents' `host` and x-forwarded-for hop). */
const EDGE_IP = '34.54.187.118';
export const ACCOUNT_ID = '1000000';
const SCANNER_AGENTS = [
  'Mozilla/5.0 zgrab/0.x',
  'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  'sqlmap/1.7.2#stable (https://sqlmap.org)',
  'masscan/1.3 (https://github.com/robertdavidgraham/masscan)',
];
const AGENTS = [
  ...SCANNER_AGENTS,
  'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:93.0) Gecko/20100101 Firefox/93.0',
  'curl/7.88.1',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
];
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};
const APP_PAGE =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>OWASP Juice Shop</title></head>\n<body><app-root></app-root><script src="main.js" type="module"></script></body></html>';
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

const templateById = new Map(TEMPLATE_SEEDS.map((t) => [t.id, t]));

function responseStatus(event: SampleSource, template: TemplateSeed | undefined, pick: Picker): number {
  if (event.successfulExploit) return 200;
  if (template?.aggregated) return pick([401, 403, 404, 429, 429]);
  return pick([403, 403, 404, 400, 200, 500]);
}

type Picker = <T>(values: readonly T[]) => T;

function requestPart(event: SampleSource, template: TemplateSeed | undefined, pick: Picker) {
  const probe = template && template.probes.length > 0 ? pick(template.probes) : undefined;
  if (probe === undefined) return { path: event.url, payload: '' };
  if (BODYLESS.has(event.method)) return { path: `${event.url}?q=${encodeURIComponent(probe)}`, payload: '' };
  return { path: event.url, payload: probe.startsWith('{') ? probe : JSON.stringify({ input: probe }) };
}

function responsePayload(statusCode: number, event: SampleSource, template: TemplateSeed | undefined) {
  if (statusCode !== 200)
    return JSON.stringify({ error: { status: statusCode, message: STATUS_TEXT[statusCode] } });
  if (event.successfulExploit && template?.leak) return template.leak;
  return APP_PAGE;
}

const sampleSeeds = new Map<number, number>();
function sampleSeed(seed: number): number {
  let base = sampleSeeds.get(seed);
  if (base === undefined) sampleSeeds.set(seed, (base = hashSeed(seed, 'akto.threat.sample')));
  return base;
}

/** FNV-1a of a text onto a base seed; hashSeed's generality costs too much when run for every event. */
function mixText(base: number, text: string): number {
  let hash = base;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** 32 random hex digits (trace ids, uuids). */
export const hex32 = (random: () => number): string =>
  [0, 1, 2, 3]
    .map(() =>
      Math.floor(random() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    )
    .join('');

function contentType(body: string): string {
  if (body.startsWith('<')) return 'text/html; charset=UTF-8';
  return body.startsWith('{') || body.startsWith('[') ? 'application/json; charset=utf-8' : 'text/plain';
}

function responseHeaders(body: string, timestamp: number): Array<[string, string]> {
  return [
    ['access-control-allow-origin', '*'],
    ['connection', 'keep-alive'],
    ['content-length', String(Buffer.byteLength(body))],
    ['content-type', contentType(body)],
    ['date', new Date(timestamp * 1000).toUTCString()],
    ['vary', 'Accept-Encoding'],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'SAMEORIGIN'],
  ];
}

export function buildRequestSample(seed: number, event: SampleSource): RequestSample {
  const random = seededRandom(mixText(sampleSeed(seed), event.id));
  const pick: Picker = (values) => values[Math.floor(random() * values.length)];
  const template = templateById.get(event.filterId);
  const request = requestPart(event, template, pick);
  const agents = template?.severity === 'INFO' ? SCANNER_AGENTS : AGENTS;
  const trace = `${hex32(random)}/${Math.floor(random() * 1e15)}`;
  const requestHeaders: Array<[string, string]> = [
    ['accept', '*/*'],
    ['accept-encoding', 'gzip'],
    ...(request.payload ? [['content-type', 'application/json'] as [string, string]] : []),
    ['host', event.host],
    ['user-agent', pick(agents)],
    ['via', '1.1 google'],
    ['x-cloud-trace-context', trace],
    ['x-forwarded-for', `${event.ip},${EDGE_IP}`],
    ['x-forwarded-proto', pick(['http', 'https'])],
  ];
  const statusCode = responseStatus(event, template, pick);
  const body = responsePayload(statusCode, event, template);
  return {
    method: event.method,
    path: request.path,
    requestHeaders,
    requestPayload: request.payload,
    statusCode,
    status: `${statusCode} ${STATUS_TEXT[statusCode]}`,
    responseHeaders: responseHeaders(body, event.timestamp),
    responsePayload: body,
    time: event.timestamp,
    ip: event.ip,
  };
}
