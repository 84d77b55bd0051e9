import type { IncomingMessage, ServerResponse } from 'node:http';
import cors, { type CorsOptions } from 'cors';
import { isAdminPath, isTrustedAdminOrigin, type MockEngine } from '../mock';
import { pathOf } from './request-url';
import type { NodeMiddleware } from './vendor-edge';

/**
 * CORS as browser apps need it. The request's Origin is echoed with credentials allowed, so `fetch` with
 * `credentials: 'include'` and axios `withCredentials` work as they did against Prism; `*` cannot carry
 * credentials. `origins` restricts the echo to a list; `false` sends no CORS header at all. The admin API
 * answers CORS only to the pages admin-access.ts trusts, so another site cannot even preflight it.
 */
export type CorsSetting = boolean | { origins: readonly string[] };

/** Headers secmock itself answers that a page may need to read. */
const SECMOCK_HEADERS = [
  'x-secmock-violations',
  'x-secmock-operation',
  'x-secmock-departures',
  'allow',
  'retry-after',
  'location',
  'content-disposition',
];

/** Chromium caps a cached preflight at two hours; longer would be ignored. */
const PREFLIGHT_CACHE_SECONDS = 7200;

export function corsMiddleware(setting: CorsSetting, engineOf: () => MockEngine): NodeMiddleware | undefined {
  if (setting === false) return undefined;
  const listed = setting === true ? undefined : new Set(setting.origins.map(normaliseOrigin));
  let exposed: { engine: MockEngine; headers: string[] } | undefined;
  const exposedHeaders = () => {
    // Computed per engine: `serve --watch` may swap in specs that declare other headers.
    const engine = engineOf();
    if (exposed?.engine !== engine) exposed = { engine, headers: exposedHeadersOf(engine) };
    return exposed.headers;
  };
  const allowed = (req: IncomingMessage, origin: string) =>
    isAdminPath(pathOf(req))
      ? isTrustedAdminOrigin(origin, req.headers.host)
      : listed === undefined || listed.has(normaliseOrigin(origin));
  const handler = cors((req, callback) => {
    const origin = req.headers.origin;
    const options: CorsOptions = {
      origin: origin !== undefined && allowed(req as IncomingMessage, origin),
      credentials: true,
      exposedHeaders: exposedHeaders(),
      maxAge: PREFLIGHT_CACHE_SECONDS,
    };
    callback(null, options);
  });
  return (req, res, next) => {
    // Without an Origin (no browser, or a same-origin GET) the cors package sends nothing either.
    if (req.headers.origin === undefined) {
      next();
      return;
    }
    allowPrivateNetwork(req, res, allowed);
    handler(req, res, next);
  };
}

/**
 * Chromium's Private Network Access: a page on a public site (a hosted dashboard) preflights a request to
 * loopback with this header and needs it answered before it may go on.
 */
function allowPrivateNetwork(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: (req: IncomingMessage, origin: string) => boolean,
): void {
  const origin = req.headers.origin;
  if (
    req.method === 'OPTIONS' &&
    req.headers['access-control-request-private-network'] === 'true' &&
    origin !== undefined &&
    allowed(req, origin)
  )
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
}

/** secmock's own headers and every response header a served spec declares. */
function exposedHeadersOf(engine: MockEngine): string[] {
  const names = new Set(SECMOCK_HEADERS);
  for (const spec of engine.specs)
    for (const operation of spec.operations)
      for (const response of operation.responses)
        for (const header of response.headers) names.add(header.name.toLowerCase());
  return [...names];
}

/** `http://Localhost:3000/` and `http://localhost:3000` are the same origin. */
function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
