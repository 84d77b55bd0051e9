import type { HttpMethod } from '../../http';

/**
 * Routes a method and path to a value (an operation), built once at start-up. Static paths are a map
 * lookup; templated paths are tried in order of specificity so that `/alerts/investigation_actions` wins
 * over `/alerts/{uuid}`. A path is the most specific route that takes the request's method; only when none
 * does is it a 405, whose `Allow` lists every method of the most specific route matching the path.
 */
export type RouteResult<T> =
  | { kind: 'match'; value: T; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[]; sample: T }
  | { kind: 'not-found' };

interface Route<T> {
  pattern: RegExp;
  staticChars: number;
  /** Each method's value and its own parameter names (two specs may name `{id}` and `{itemId}`). */
  byMethod: Map<string, { value: T; names: string[] }>;
}

export class Router<T> {
  private readonly routes: Route<T>[] = [];
  /** Paths without parameters, for a map lookup before any pattern is tried (most requests). */
  private readonly staticRoutes = new Map<string, Route<T>>();

  add(method: HttpMethod, template: string, value: T): void {
    const path = normalise(template);
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const source = `^${path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('([^/]+)')}$`;
    let route = this.routes.find((r) => r.pattern.source === new RegExp(source).source);
    if (!route) {
      route = {
        pattern: new RegExp(source),
        staticChars: path.replace(/\{[^}]+\}/g, '').length,
        byMethod: new Map(),
      };
      this.routes.push(route);
      if (names.length === 0) this.staticRoutes.set(path, route);
      // A static path (no parameter) outranks any template, then more literal characters win.
      this.routes.sort((a, b) => rank(b) - rank(a));
    }
    route.byMethod.set(method, { value, names });
  }

  match(method: string, rawPath: string): RouteResult<T> {
    const path = normalise(rawPath);
    const exact = this.staticRoutes.get(path)?.byMethod.get(method);
    if (exact) return { kind: 'match', value: exact.value, params: {} };
    let mostSpecific: { route: Route<T>; found: RegExpExecArray } | undefined;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      mostSpecific ??= { route, found };
      const entry = route.byMethod.get(method);
      if (entry) return { kind: 'match', value: entry.value, params: paramsOf(entry.names, found) };
    }
    if (!mostSpecific) return { kind: 'not-found' };
    const { byMethod } = mostSpecific.route;
    const allow = [...byMethod.keys()].map((m) => m.toUpperCase()).sort();
    return {
      kind: 'method-not-allowed',
      allow,
      sample: (byMethod.values().next().value as { value: T }).value,
    };
  }
}

function rank(route: Route<unknown>): number {
  return (route.pattern.source.includes('([^/]+)') ? 0 : 1_000_000) + route.staticChars;
}

function paramsOf(names: string[], found: RegExpExecArray): Record<string, string> {
  const params: Record<string, string> = {};
  names.forEach((name, i) => (params[name] = safeDecode(found[i + 1])));
  return params;
}

function normalise(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** A malformed escape (`%E0%A4%A`) stays as sent rather than failing the request. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
