import type { PlainRequest } from '../http';
import type { HandledRequest, MockEngine } from '../mock';
import { maskedBodyText, maskedHeaders, maskValue, secretNamesOf } from './log-masking';

/**
 * A line per request on the console, so a developer sees why the app got a 422 without polling the admin
 * API. `info` prints one line per vendor request; `debug` adds the violations, the headers and the bodies
 * (secrets masked) and the admin API's own requests; `json` prints one object per line for CI to parse.
 */
export const LOG_LEVELS = ['silent', 'info', 'debug'] as const;
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface RequestLogOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go (default: standard output). */
  write?: (line: string) => void;
  /** Colour pretty lines by status (default: when standard output is a terminal and NO_COLOR is unset). */
  color?: boolean;
}

/** What one line says about a request. */
export interface RequestLogRecord {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  operation?: string;
  violations: number;
  session?: string;
  scenario?: string;
  fault?: string;
  admin?: true;
  // debug only
  query?: Record<string, unknown>;
  requestViolations?: string[];
  responseViolations?: string[];
  documentDepartures?: string[];
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  responseBody?: string;
}

const BODY_LIMIT = 2000;

export type RequestLogger = (
  request: PlainRequest,
  handled: HandledRequest,
  durationMs: number,
  engine: MockEngine,
) => void;

/** The logger for these options, or undefined when it would print nothing. */
export function createRequestLogger(options: RequestLogOptions = {}): RequestLogger | undefined {
  const level = options.level ?? 'silent';
  if (level === 'silent') return undefined;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  let secrets: { engine: MockEngine; names: Set<string> } | undefined;
  return (request, handled, durationMs, engine) => {
    const admin = handled.admin === true;
    if (admin && level !== 'debug') return;
    if (secrets?.engine !== engine) secrets = { engine, names: secretNamesOf(engine) };
    const record = recordOf(request, handled, durationMs, admin);
    if (level === 'debug') Object.assign(record, debugFields(request, handled, secrets.names));
    write(options.format === 'json' ? JSON.stringify(record) : prettyLine(record, color));
  };
}

function recordOf(
  request: PlainRequest,
  { response, entry, session }: HandledRequest,
  durationMs: number,
  admin: boolean,
): RequestLogRecord {
  return {
    time: new Date().toISOString(),
    method: request.method.toUpperCase(),
    path: request.path,
    status: response.status,
    durationMs: Math.round(durationMs * 10) / 10,
    ...(entry?.operationId ? { operation: `${entry.spec ?? ''}/${entry.operationId}` } : {}),
    violations: (entry?.requestViolations.length ?? 0) + (entry?.responseViolations.length ?? 0),
    ...(session ? { session } : {}),
    ...(entry?.scenario ? { scenario: entry.scenario } : {}),
    ...(entry?.fault ? { fault: entry.fault } : {}),
    ...(admin ? { admin: true as const } : {}),
  };
}

function debugFields(
  request: PlainRequest,
  { response, entry }: HandledRequest,
  secrets: ReadonlySet<string>,
): Partial<RequestLogRecord> {
  const fields: Partial<RequestLogRecord> = {
    requestHeaders: maskedHeaders(request.headers, secrets),
  };
  if (Object.keys(request.query).length > 0)
    fields.query = maskValue(request.query, secrets) as Record<string, unknown>;
  if (entry?.requestViolations.length) fields.requestViolations = entry.requestViolations;
  if (entry?.responseViolations.length) fields.responseViolations = entry.responseViolations;
  if (entry?.documentDepartures?.length) fields.documentDepartures = entry.documentDepartures;
  const requestBody = maskedBodyText(request.rawBody, secrets, BODY_LIMIT);
  if (requestBody !== undefined) fields.requestBody = requestBody;
  const responseBody = maskedBodyText(response.text ?? response.body, secrets, BODY_LIMIT);
  if (responseBody !== undefined) fields.responseBody = responseBody;
  return fields;
}

/** `18:00:01.234 POST /api/v2/incidents 201 3.1 ms spec/operation  2 violations` and debug detail below. */
export function prettyLine(record: RequestLogRecord, color: boolean): string {
  const paint = (style: Colour, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[39m` : text);
  const notes = [
    record.operation ?? (record.admin ? 'admin' : 'no operation'),
    record.violations > 0
      ? paint('yellow', `${record.violations} violation${record.violations === 1 ? '' : 's'}`)
      : '',
    record.session ? `session ${record.session}` : '',
    record.scenario ? `scenario ${record.scenario}` : '',
    record.fault ? paint('red', `fault ${record.fault}`) : '',
  ].filter(Boolean);
  const line = [
    paint('gray', record.time.slice(11, 23)),
    record.method.padEnd(6),
    record.path,
    paint(statusStyle(record.status), String(record.status)),
    `${record.durationMs} ms`,
    notes.join('  '),
  ].join(' ');
  return [line, ...detailLines(record)].join('\n');
}

/**
 * Foreground colours by their SGR codes. Not util.styleText: on Node 20 it drops colour when standard output is
 * not a terminal, and the caller (a --log-format flag, a test) has already decided that.
 */
const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, gray: 90 } as const;
type Colour = keyof typeof ANSI;

function statusStyle(status: number): Colour {
  if (status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  if (status >= 300) return 'cyan';
  return 'green';
}

function detailLines(record: RequestLogRecord): string[] {
  const lines: string[] = [];
  const list = (label: string, items: string[] | undefined) => {
    for (const item of items ?? []) lines.push(`    ${label}: ${item}`);
  };
  list('request violation', record.requestViolations);
  list('response violation', record.responseViolations);
  list('document departure', record.documentDepartures);
  if (record.query) lines.push(`    query: ${JSON.stringify(record.query)}`);
  if (record.requestHeaders) lines.push(`    request headers: ${JSON.stringify(record.requestHeaders)}`);
  if (record.requestBody !== undefined) lines.push(`    request body: ${record.requestBody}`);
  if (record.responseBody !== undefined) lines.push(`    response body: ${record.responseBody}`);
  return lines;
}
