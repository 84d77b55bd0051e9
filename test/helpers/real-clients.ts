import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createFaker, generateFromSchema } from '../../src/generate';
import { resolvePointer, type Operation, type SecuritySchemeSpec, type SpecModel } from '../../src/openapi';
import { ROOT } from './paths';

/**
 * The real-client corpus (docs/real-clients.md): requests the vendors' own clients send, replayed against an
 * implementation in the order a user would make them (configure, use, remove), with what each client reads.
 */
export const REAL_CLIENTS_DIR = join(ROOT, 'fixtures', 'real-clients');

export interface CorpusEntry {
  id: string;
  operation: string;
  step: 'configure' | 'use' | 'remove';
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
  source: { client: string; file?: string; function?: string; caller?: string; page?: string };
  variant?: string;
  reads?: string[];
  capture?: Record<string, string>;
  expect?: number;
}

export interface Corpus {
  spec: string;
  clients: Record<string, { name: string; repository?: string; page?: string }>;
  requests: CorpusEntry[];
}

export interface Replayed {
  entry: CorpusEntry;
  status: number;
  accepted: boolean;
  /** The read paths the answer lacks. */
  missing: string[];
  /** What the mock reported about the request in x-secmock-violations (document-only departures). */
  violations?: string;
  body: unknown;
}

export function corpusFile(specId: string): string {
  return join(REAL_CLIENTS_DIR, `${specId}.yaml`);
}

export function readCorpus(specId: string): Corpus | undefined {
  const file = corpusFile(specId);
  return existsSync(file) ? (parse(readFileSync(file, 'utf8')) as Corpus) : undefined;
}

const STEPS = ['configure', 'use', 'remove'] as const;

/** Replays every entry against baseUrl: configure entries first, then use, then remove, each in file order. */
export async function replayCorpus(baseUrl: string, spec: SpecModel, corpus: Corpus): Promise<Replayed[]> {
  const captured: Record<string, unknown> = {};
  const credentials = new Map<string, string>();
  const results: Replayed[] = [];
  for (const step of STEPS) {
    for (const entry of corpus.requests.filter((e) => e.step === step)) {
      const operation = spec.operations.find((op) => op.operationId === entry.operation);
      const headers = await authHeaders(baseUrl, spec, operation, credentials);
      const result = await send(baseUrl, entry, { ...headers, ...(entry.headers ?? {}) }, captured);
      results.push(result);
      if (operation) rememberMinted(spec, operation, result.body, credentials);
      for (const [name, path] of Object.entries(entry.capture ?? {})) {
        const value = valueAt(result.body, path);
        if (value !== undefined) captured[name] = value;
      }
    }
  }
  return results;
}

async function send(
  baseUrl: string,
  entry: CorpusEntry,
  headers: Record<string, string>,
  captured: Record<string, unknown>,
): Promise<Replayed> {
  const fill = (text: string) =>
    text.replace(/\$\{(\w+)\}/g, (whole, name: string) =>
      name in captured ? String(captured[name]) : whole,
    );
  const url = new URL(fill(entry.path), baseUrl);
  for (const [name, value] of Object.entries(entry.query ?? {}))
    for (const item of Array.isArray(value) ? value : [value])
      url.searchParams.append(name, fill(String(item)));
  for (const [name, value] of Object.entries(headers)) headers[name] = fill(value);
  const body = entry.body === undefined ? undefined : JSON.stringify(fillValue(entry.body, captured, fill));
  const response = await fetch(url, {
    method: entry.method.toUpperCase(),
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body,
  });
  const text = await response.text();
  const parsed = parseJson(text);
  const accepted = entry.expect !== undefined ? response.status === entry.expect : response.status < 300;
  return {
    entry,
    status: response.status,
    accepted,
    missing: (entry.reads ?? []).filter((path) => !isPresent(parsed, path)),
    violations: response.headers.get('x-secmock-violations') ?? undefined,
    body: parsed,
  };
}

/** A string that is exactly `${name}` becomes the captured value as it was (a number stays a number). */
function fillValue(
  value: unknown,
  captured: Record<string, unknown>,
  fill: (text: string) => string,
): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    return whole && whole[1] in captured ? captured[whole[1]] : fill(value);
  }
  if (Array.isArray(value)) return value.map((item) => fillValue(item, captured, fill));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillValue(v, captured, fill)]));
  return value;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * `a.b[].c`: present when the answer has it (null counts); `[]` means every item of the array. A trailing `?`
 * (`data[].due_date?`) marks a field some items may lack (an incident without a due date): present when any
 * item has it.
 */
export function isPresent(body: unknown, path: string): boolean {
  if (path.endsWith('?')) return isPresentInSome(body, path.slice(0, -1));
  const [head, ...rest] = path.split('[]');
  const node = head === '' ? body : valueAt(body, head.replace(/\.$/, ''));
  if (rest.length === 0) return node !== undefined;
  if (!Array.isArray(node)) return false;
  const tail = rest.join('[]').replace(/^\./, '');
  return tail === '' || node.every((item) => isPresent(item, tail));
}

function isPresentInSome(body: unknown, path: string): boolean {
  const [head, ...rest] = path.split('[]');
  const node = head === '' ? body : valueAt(body, head.replace(/\.$/, ''));
  if (rest.length === 0) return node !== undefined;
  const tail = rest.join('[]').replace(/^\./, '');
  return Array.isArray(node) && (tail === '' || node.some((item) => isPresentInSome(item, tail)));
}

function valueAt(body: unknown, dotted: string): unknown {
  if (dotted === '') return body;
  return resolvePointer(body, dotted.split('.'));
}

/**
 * The credential each request needs, as the specs declare them: a declared default, or one minted by a login
 * operation — taken from the corpus' own login entry when it has one, else by logging in first.
 */
async function authHeaders(
  baseUrl: string,
  spec: SpecModel,
  operation: Operation | undefined,
  credentials: Map<string, string>,
): Promise<Record<string, string>> {
  const requirement = operation?.security[0] ?? [];
  const headers: Record<string, string> = {};
  for (const { scheme: name } of requirement) {
    const scheme = spec.securitySchemes.find((s) => s.name === name);
    if (!scheme) continue;
    const value =
      credentials.get(name) ??
      scheme.credentials[0]?.value ??
      (await logIn(baseUrl, spec, scheme, credentials));
    if (value !== undefined) Object.assign(headers, placed(scheme, value));
  }
  return headers;
}

async function logIn(
  baseUrl: string,
  spec: SpecModel,
  scheme: SecuritySchemeSpec,
  credentials: Map<string, string>,
): Promise<string | undefined> {
  const login = spec.operations.find((op) => op.operationId === scheme.issuedBy?.operationId);
  if (!login || !scheme.issuedBy) return undefined;
  const url = new URL(login.path, baseUrl);
  for (const parameter of login.parameters.filter((p) => p.in === 'query' && p.required)) {
    const example = parameter.examples[0]?.value ?? (parameter.schema as { example?: unknown }).example;
    const value =
      example ?? generateFromSchema(parameter.schema, { faker: createFaker(1), now: 0 }, parameter.name);
    url.searchParams.set(parameter.name, String(value));
  }
  const headers = await authHeaders(baseUrl, spec, login, credentials);
  const response = await fetch(url, { method: login.method.toUpperCase(), headers });
  const value = valueAt(parseJson(await response.text()), scheme.issuedBy.field);
  if (typeof value === 'string') credentials.set(scheme.name, value);
  return typeof value === 'string' ? value : undefined;
}

/** A login the corpus replays itself gives the credential every later request uses. */
function rememberMinted(
  spec: SpecModel,
  operation: Operation,
  body: unknown,
  credentials: Map<string, string>,
) {
  for (const scheme of spec.securitySchemes) {
    if (scheme.issuedBy?.operationId !== operation.operationId) continue;
    const value = valueAt(body, scheme.issuedBy.field);
    if (typeof value === 'string') credentials.set(scheme.name, value);
  }
}

function placed(scheme: SecuritySchemeSpec, value: string): Record<string, string> {
  if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.paramName)
    return { [scheme.paramName.toLowerCase()]: value };
  return { authorization: `Bearer ${value}` };
}

/** One line per entry, then the totals: what the replay test prints. */
export function describeReplay(specId: string, results: Replayed[]): string[] {
  const accepted = results.filter((r) => r.accepted).length;
  const reads = results.flatMap((r) => r.entry.reads ?? []).length;
  const missing = results.reduce((n, r) => n + r.missing.length, 0);
  const lines = results
    .filter((r) => !r.accepted || r.missing.length > 0)
    .map(
      (r) =>
        `  ✗ ${r.entry.id} (${r.entry.operation}): ${r.status}${r.missing.length ? `, missing ${r.missing.join(', ')}` : ''}` +
        (r.accepted ? '' : ` ${JSON.stringify(r.body).slice(0, 300)}`),
    );
  return [
    `${specId}: accepted ${accepted}/${results.length}, fields read present ${reads - missing}/${reads}`,
    ...lines,
  ];
}
