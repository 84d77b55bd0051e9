import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isHttpMethod, type PlainRequest, type PlainResponse } from '../http/types';
import { errorResponse } from '../mock/stages/respond';
import { ADMIN_PREFIX } from '../mock/admin';
import { handleRequest } from '../mock/handle';
import { MockRuntime, type MockOptions } from '../mock/engine';
import { loadSpecs, type SpecModel } from '../openapi';
import { listSpecFiles } from '../openapi/files';

export interface MockAppOptions extends Omit<MockOptions, 'specs'> {
  /** Spec files or loaded specs; default: every spec in secmock's specs/. */
  specs?: Array<string | SpecModel>;
  /** Largest accepted request body (bytes or '1mb'); larger ones get 413 in the vendor's envelope. */
  bodyLimit?: number | string;
}

export type MockApp = express.Express & { runtime: MockRuntime };

/** Builds the mock as an Express app that can be mounted, listened on, or tested with supertest. */
export async function createMockApp(options: MockAppOptions = {}): Promise<MockApp> {
  const runtime = new MockRuntime({ ...options, specs: await resolveSpecs(options.specs) });
  return buildExpressApp(runtime, options.bodyLimit ?? '1mb');
}

async function resolveSpecs(specs: Array<string | SpecModel> | undefined): Promise<SpecModel[]> {
  const entries = specs ?? listSpecFiles();
  const files = entries.filter((s): s is string => typeof s === 'string');
  // Examples are checked by `secmock lint` and the test-suite; the mock checks its own answers at run time.
  const loaded = files.length > 0 ? await loadSpecs(files, { examples: false }) : [];
  return entries.map((entry) => (typeof entry === 'string' ? (loaded.shift() as SpecModel) : entry));
}

export function buildExpressApp(runtime: MockRuntime, bodyLimit: number | string): MockApp {
  const app = express() as MockApp;
  app.runtime = runtime;
  app.disable('x-powered-by');
  app.disable('etag');
  // Browser apps call the mock from another origin: allow any, expose secmock's diagnostic headers.
  app.use(cors({ exposedHeaders: ['x-secmock-violations', 'x-secmock-operation', 'allow'], maxAge: 600 }));
  app.use(express.text({ type: () => true, limit: bodyLimit, defaultCharset: 'utf-8' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    handleRequest(runtime, toPlainRequest(req)).then((response) => send(res, response), next);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (isClientError(error) && !reachesOperation(runtime, req)) {
      // An unreadable body sent where no operation is: refused for its route first (404/405), as the
      // pipeline refuses any request there, in the envelope of the spec the path belongs to.
      handleRequest(runtime, { ...toPlainRequest(req), rawBody: undefined }).then(
        (response) => send(res, response),
        (failure: unknown) => send(res, edgeError(runtime, req, failure, bodyLimit)),
      );
      return;
    }
    const response = edgeError(runtime, req, error, bodyLimit);
    logEdge(runtime, req, response);
    send(res, response);
  });
  return app;
}

function toPlainRequest(req: Request): PlainRequest {
  const method = req.method.toLowerCase();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: isHttpMethod(method) ? method : 'get',
    path: req.path,
    query: req.query as Record<string, string | string[]>,
    headers,
    rawBody: typeof req.body === 'string' && req.body.length > 0 ? req.body : undefined,
    remoteAddress: req.socket.remoteAddress,
  };
}

function isClientError(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status !== undefined && status >= 400 && status < 500;
}

/** Whether the request routes to an operation (the admin API answers its own refusals). */
function reachesOperation(runtime: MockRuntime, req: Request): boolean {
  if (req.path === ADMIN_PREFIX || req.path.startsWith(`${ADMIN_PREFIX}/`)) return true;
  const method = req.method.toLowerCase();
  return isHttpMethod(method) && runtime.router.match(method, req.path).kind === 'match';
}

/** Body-parser refusals (too large, bad charset) still answer in the vendor's envelope of that route. */
function edgeError(
  runtime: MockRuntime,
  req: Request,
  error: unknown,
  limit: number | string,
): PlainResponse {
  const type = (error as { type?: string }).type;
  const status = (error as { status?: number }).status;
  const method = req.method.toLowerCase();
  const route = isHttpMethod(method) ? runtime.router.match(method, req.path) : undefined;
  const operation = route?.kind === 'match' ? route.value : undefined;
  const spec = runtime.specById.get(operation?.specId ?? '') ?? runtime.specs[0];
  const answer = (response: PlainResponse): PlainResponse => {
    // Like every answer of an operation, an edge refusal names it (and the request log records it).
    if (operation) response.headers['x-secmock-operation'] = `${operation.specId}/${operation.operationId}`;
    return response;
  };
  if (type === 'entity.too.large') {
    return answer(
      errorResponse(spec, operation, 'tooLarge', [
        `request body is larger than the limit (${String(limit)})`,
      ]),
    );
  }
  if (status !== undefined && status >= 400 && status < 500)
    return answer(errorResponse(spec, operation, 'validation', [(error as Error).message]));
  runtime.warnOnce(
    `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return answer(
    errorResponse(spec, operation, 'internal', ['secmock failed to answer this request; see its log']),
  );
}

/** Edge refusals never reach the pipeline: log them too, so that GET /__secmock/requests shows every answer. */
function logEdge(runtime: MockRuntime, req: Request, response: PlainResponse): void {
  const [spec, operationId] = (response.headers['x-secmock-operation'] ?? '').split('/');
  runtime.log.add({
    time: new Date().toISOString(),
    method: req.method.toUpperCase(),
    path: req.path,
    spec: spec || undefined,
    operationId: operationId || undefined,
    status: response.status,
    durationMs: 0,
    requestViolations: [],
    responseViolations: [],
  });
}

function send(res: Response, response: PlainResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
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
