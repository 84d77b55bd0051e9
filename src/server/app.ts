import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { MockEngine, type MockOptions, type VendorModule } from '../mock';
import { contentHashOf, listSpecFiles, loadSpecs, specFileOfId, type SpecModel } from '../openapi';
import { BUILTIN_VENDORS } from '../vendors';
import { isConsolePath, serveConsole } from './console';
import { corsMiddleware, type CorsSetting } from './cors';
import { createRequestLogger, type RequestLogger, type RequestLogOptions } from './request-logger';
import { pathOf } from './request-url';
import { createVendorEdge, type NodeMiddleware, type VendorEdge } from './vendor-edge';

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
  const app = express() as MockApp;
  app.mock = engine;
  // app.mock, not the engine built here: `serve --watch` swaps in a new one when the specs change.
  const vendor = createVendorEdge(() => app.mock, edge);
  app.releaseHeld = vendor.releaseHeld;
  app.disable('x-powered-by');
  app.disable('etag');
  const cors = corsMiddleware(edge.cors, () => app.mock);
  if (cors) app.use(cors);
  app.use(serveConsole());
  app.use((req: Request, res: Response) => vendor.answer(req, res));
  // Only a bug in secmock gets here (the pipeline answers its own failures).
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) =>
    vendor.answerInternalError(req, res, error),
  );
  answerOutsideTheConsoleDirectly(app, cors, vendor);
  return app;
}

/** Express's own request entry (the function `express()` returns calls it, and so does a parent app). */
type ExpressHandle = (
  req: IncomingMessage,
  res: ServerResponse,
  callback?: (error?: unknown) => void,
) => void;

/**
 * Requests outside the console's paths skip Express's walk (its router, the prototype swap of request and
 * response, the getters): the same CORS step and the same answer, in the same order, called directly. On a
 * kept read that walk cost more than the engine's whole answer. Done at Express's entry, `app.handle`, so
 * every way the app is used takes it: `listen`, `createServer(app)`, supertest, a parent app mounting it.
 * The stack above still answers every path, so the console and the admin API walk it unchanged.
 */
function answerOutsideTheConsoleDirectly(
  app: MockApp,
  cors: NodeMiddleware | undefined,
  vendor: VendorEdge,
): void {
  // `handle` is Express's documented-by-source entry point, absent from its type declarations.
  const entry = app as unknown as { handle: ExpressHandle };
  const walk = entry.handle.bind(app);
  entry.handle = (req, res, callback) => {
    if (isConsolePath(pathOf(req))) {
      walk(req, res, callback);
      return;
    }
    try {
      if (!cors) vendor.answer(req, res);
      else
        cors(req, res, (error) => {
          if (error === undefined) vendor.answer(req, res);
          else vendor.answerInternalError(req, res, error);
        });
    } catch (error) {
      vendor.answerInternalError(req, res, error);
    }
  };
}
