import type { IncomingMessage } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import parseUrl from 'parseurl';

/**
 * The path and query of a request, read as Express reads them (`req.path`, `req.query` with its default
 * "simple" parser), so a request answered without walking Express sees the same values. parseurl keeps its
 * parse on the request, so Express reuses it when a request does walk it.
 */
export function pathOf(req: IncomingMessage): string {
  return parseUrl(req)?.pathname ?? '';
}

export function queryOf(req: IncomingMessage): Record<string, string | string[]> {
  // parseurl never parses the query itself: it is the raw string (or null without one).
  const raw = parseUrl(req)?.query as string | null | undefined;
  return parseQueryString(raw ?? '') as Record<string, string | string[]>;
}
