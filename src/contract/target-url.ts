/**
 * The URL of a request on the implementation under test. A base URL may carry a path prefix
 * (`http://host/gateway/`): the operation's path goes after it, as a client of that gateway would send it,
 * never in its place (which `new URL(path, base)` would do).
 */
export function targetUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${path.startsWith('/') ? path : `/${path}`}`, base.origin);
}
