import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { format as formatContentType, parse as parseContentType } from 'content-type';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type BodyProblem, type PlainRequest, type PlainResponse } from '../http';
import { handleAndRecord, MockEngine, type MockOptions, type VendorModule } from '../mock';
import { contentHashOf, listSpecFiles, loadSpecs, specFileOfId, type SpecModel } from '../openapi';
import { BUILTIN_VENDORS } from '../vendors';
import { serveConsole } from './console';
import { corsMiddleware, type CorsSetting } from './cors';
import { createRequestLogger, type RequestLogger, type RequestLogOptions } from './request-logger';

export interface MockAppOptions extends Omit<MockOptions, 'specs' | 'modules'> {
  /** Spec files, bundled spec ids (`manageengine-incidents`) or loaded specs; default: every bundled spec. */
  specs?: Array<string | SpecModel>;
  /**
   * Vendor modules added to the ones secmock ships; one with the id of a shipped module replaces it. Each
   * binds to the served spec whose id is its id (see docs/adding-a-vendor.md).
   */
  modules?: readonly VendorModule[];
  /** Largest accepted request body (bytes or '1mb'); larger ones get 413 in the vendor's envelope. */
  bodyLimit?: number | string;
  /**
   * CORS for browser apps: `true` (default) echoes any Origin with credentials allowed, `{ origins }` echoes
   * only those, `false` sends no CORS header.
   */
  cors?: CorsSetting;
  /** A line per request (default: none in-process; `secmock serve` logs at `info`). */
  log?: RequestLogOptions;
}

/** The edge's own settings, kept apart from the engine's. */
interface EdgeOptions {
  bodyLimit: number | string;
  cors: CorsSetting;
  logger?: RequestLogger;
}

export type MockApp = express.Express & {
  mock: MockEngine;
  /** Ends the connections a `timeout` fault is holding open (a server that closes must not wait for them). */
  releaseHeld(): void;
};

/**
 * The composition root of the mock: loads the specs, hands the engine the vendor modules, and wraps it in
 * an Express app that can be mounted, listened on, or tested with supertest. The only express import.
 */
export async function createMockApp(options: MockAppOptions = {}): Promise<MockApp> {
  const engine = new MockEngine({
    ...options,
    specs: await resolveSpecs(options.specs),
    modules: withBuiltins(options.modules ?? []),
    // The build prepared worlds with the shipped modules only: one replaced may seed another world.
    preparedWorlds: options.preparedWorlds ?? (options.modules ?? []).length === 0,
  });
  return buildExpressApp(engine, {
    bodyLimit: options.bodyLimit ?? '1mb',
    cors: options.cors ?? true,
    logger: createRequestLogger(options.log),
  });
}

function withBuiltins(added: readonly VendorModule[]): VendorModule[] {
  const ids = new Set(added.map((m) => m.id));
  return [...BUILTIN_VENDORS.filter((m) => !ids.has(m.id)), ...added];
}

/**
 * Specs this process loaded, by file and content: the second app of a test suite (one per test file, or per
 * test) reuses the model instead of parsing and checking the spec again. Models are never changed.
 */
const loadedSpecs = new Map<string, SpecModel>();
const MAX_LOADED_SPECS = 16;

async function resolveSpecs(specs: Array<string | SpecModel> | undefined): Promise<SpecModel[]> {
  const entries = (specs ?? listSpecFiles()).map(bundledSpecFor);
  const files = entries.filter((s): s is string => typeof s === 'string');
  const keys = new Map(files.map((file) => [file, specKey(file)]));
  const missing = files.filter((file) => !loadedSpecs.has(keys.get(file) as string));
  // Examples are checked by `secmock lint` and the test-suite; the mock checks its own answers at run time.
  const loaded = missing.length > 0 ? await loadSpecs(missing, { examples: false }) : [];
  for (const [i, model] of loaded.entries()) loadedSpecs.set(keys.get(missing[i]) as string, model);
  const models = entries.map((entry) =>
    typeof entry === 'string' ? (loadedSpecs.get(keys.get(entry) as string) as SpecModel) : entry,
  );
  // A suite that writes spec files of its own would otherwise keep every version it ever loaded.
  while (loadedSpecs.size > MAX_LOADED_SPECS) loadedSpecs.delete(loadedSpecs.keys().next().value as string);
  return models;
}

/** A bundled spec's id (`manageengine-incidents`) stands for its file; anything else is a path. */
function bundledSpecFor(entry: string | SpecModel): string | SpecModel {
  if (typeof entry !== 'string' || existsSync(entry)) return entry;
  return specFileOfId(entry) ?? entry;
}

/** A spec file by where it is and what it says; a file that cannot be read gets a key that never matches. */
function specKey(file: string): string {
  const path = resolve(file);
  try {
    return `${path}\u0000${contentHashOf(readFileSync(path, 'utf8'))}`;
  } catch {
    return `${path}\u0000unreadable\u0000${Math.random()}`;
  }
}

export function buildExpressApp(engine: MockEngine, edge: EdgeOptions): MockApp {
  const { bodyLimit, logger } = edge;
  const app = express() as MockApp;
  app.mock = engine;
  const held = new Set<Response>();
  app.releaseHeld = () => {
    for (const res of held) res.socket?.destroy();
    held.clear();
  };
  app.disable('x-powered-by');
  app.disable('etag');
  const corsHandler = corsMiddleware(edge.cors, () => app.mock);
  if (corsHandler) app.use(corsHandler);
  app.use(serveConsole());
  const readText = express.text({ type: () => true, limit: bodyLimit, defaultCharset: 'utf-8' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // A body that cannot be read is not an Express error: the pipeline routes the request first and
    // refuses it in the envelope of the operation it reaches (or 404/405), like any other refusal.
    readText(req, res, (error?: unknown) => {
      const problem = error === undefined ? undefined : bodyProblemOf(error, bodyLimit);
      // app.mock, not the engine built here: `serve --watch` swaps in a new one when the specs change.
      const engine = app.mock;
      const request = toPlainRequest(req, problem);
      const started = performance.now();
      handleAndRecord(engine, request).then((handled) => {
        const { response } = handled;
        if (response.fault) breakConnection(res, response, held);
        else send(res, response);
        logger?.(request, handled, performance.now() - started, engine);
      }, next);
    });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Only a bug in secmock gets here (the pipeline answers its own failures): never a stack trace.
    app.mock.warnOnce(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    const response = app.mock.refuseUnparsed(req.path, 'internal', 'secmock failed to answer this request');
    send(res, response);
    logger?.(toPlainRequest(req, undefined), { response }, 0, app.mock);
  });
  return app;
}

function bodyProblemOf(error: unknown, limit: number | string): BodyProblem {
  if ((error as { type?: string }).type === 'entity.too.large')
    return { kind: 'tooLarge', message: `request body is larger than the limit (${String(limit)})` };
  return { kind: 'unreadable', message: (error as Error).message };
}

function toPlainRequest(req: Request, bodyProblem: BodyProblem | undefined): PlainRequest {
  const method = req.method.toLowerCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method,
    path: req.path,
    query: req.query as Record<string, string | string[]>,
    headers,
    rawBody: typeof req.body === 'string' && req.body.length > 0 ? req.body : undefined,
    remoteAddress: req.socket.remoteAddress,
    bodyProblem,
  };
}

function send(res: Response, response: PlainResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.bytes !== undefined) {
    // The same header as for the text: Express adds `charset=utf-8` to the content type of a string.
    const type = res.getHeader('content-type');
    if (typeof type === 'string') res.setHeader('content-type', withUtf8Charset(type));
    res.send(Buffer.from(response.bytes.buffer, response.bytes.byteOffset, response.bytes.byteLength));
    return;
  }
  if (response.text !== undefined) {
    res.send(response.text);
    return;
  }
  if (response.body === undefined) {
    res.end();
    return;
  }
  const contentType = response.headers['content-type'] ?? 'application/json';
  const isJson = /json/.test(contentType);
  res.send(isJson || typeof response.body !== 'string' ? JSON.stringify(response.body) : response.body);
}

/** Content types with `charset=utf-8` by type: the few the specs declare, each parsed once. */
const utf8ContentTypes = new Map<string, string>();

/** A content type with `charset=utf-8`, as Express's res.send writes it for a string body. */
function withUtf8Charset(type: string): string {
  let typed = utf8ContentTypes.get(type);
  if (typed === undefined) {
    const parsed = parseContentType(type);
    parsed.parameters.charset = 'utf-8';
    typed = formatContentType(parsed);
    if (utf8ContentTypes.size < 100) utf8ContentTypes.set(type, typed);
  }
  return typed;
}

/** How long a `timeout` fault holds a connection when the client never gives up. */
const MAX_HOLD_MS = 10 * 60_000;

/**
 * A network fault, done to the connection as a broken network or server would: a reset (RST), a close
 * with no reply, a body cut short of its Content-Length, a body that is not the JSON it claims, or no
 * answer at all until the client gives up.
 */
function breakConnection(res: Response, response: PlainResponse, held: Set<Response>): void {
  const text = bodyText(response);
  switch (response.fault) {
    case 'reset':
      res.socket?.resetAndDestroy();
      return;
    case 'empty':
      res.socket?.end();
      return;
    case 'truncated':
      res.status(response.status);
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.setHeader('content-length', Buffer.byteLength(text));
      res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
      return;
    case 'malformed':
      res.status(response.status);
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.setHeader('content-type', 'application/json');
      res.send(text.slice(0, Math.floor(text.length / 2)) || '{');
      return;
    default: {
      held.add(res);
      const timer = setTimeout(() => res.socket?.destroy(), MAX_HOLD_MS).unref();
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
    }
  }
}

function bodyText(response: PlainResponse): string {
  if (response.text !== undefined) return response.text;
  if (response.body === undefined) return '';
  return typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
}
