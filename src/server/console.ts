import { join } from 'node:path';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { ADMIN_PREFIX } from '../mock';

/**
 * The console page at /__secmock/: static files (no build step, no framework) that call the admin API from
 * the mock's own origin. Next to this file in src/, copied next to the compiled one by `npm run build`.
 * Named from the parent folder because the compiled code also runs bundled from dist/bundle/.
 */
const ASSETS = join(__dirname, '..', 'server', 'console');

/** The page may run only its own files and may not be framed by another site (clickjacking the admin API). */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export function serveConsole(): RequestHandler {
  const router = Router();
  // Routing is not strict, so one route sees both spellings: the page's relative links need the slash.
  router.get(ADMIN_PREFIX, (req: Request, res: Response) => {
    if (!req.path.endsWith('/')) res.redirect(301, `${ADMIN_PREFIX}/`);
    else res.set(PAGE_HEADERS).sendFile(join(ASSETS, 'index.html'));
  });
  router.use(
    `${ADMIN_PREFIX}/console`,
    express.static(ASSETS, { index: false, setHeaders: (res) => res.set(PAGE_HEADERS) }),
  );
  // Every vendor request would otherwise walk the router's routes too.
  return (req, res, next) => {
    if (isConsolePath(req.path)) router(req, res, next);
    else next();
  };
}

/** Paths the console's router may serve: Express matches paths ignoring case. */
export function isConsolePath(path: string): boolean {
  return path.slice(0, ADMIN_PREFIX.length).toLowerCase() === ADMIN_PREFIX;
}
