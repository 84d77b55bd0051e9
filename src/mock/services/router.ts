import type { HttpMethod } from '../../http';

/**
 * Routes a method and path to a value (an operation), built once at start-up. Static paths are a map
 * lookup; templated paths are tried in order of specificity so that `/alerts/investigation_actions`
 * wins over `/alerts/{uuid}`.
 */
export type RouteResult<T> =
  | { kind: 'match'; value: T; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[]; sample: T }
  | { kind: 'not-found' };

interface TemplatedPath<T> {
  pattern: RegExp;
  names: string[];
  staticChars: number;
  byMethod: Map<HttpMethod, T>;
}

export class Router<T> {
  private readonly staticPaths = new Map<string, Map<HttpMethod, T>>();
  private readonly templated: TemplatedPath<T>[] = [];

  add(method: HttpMethod, template: string, value: T): void {
    const path = normalise(template);
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    if (names.length === 0) {
      const byMethod = this.staticPaths.get(path) ?? new Map<HttpMethod, T>();
      byMethod.set(method, value);
      this.staticPaths.set(path, byMethod);
      return;
    }
    const source = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('([^/]+)');
    let entry = this.templated.find((t) => t.pattern.source === `^${source}$`);
    if (!entry) {
      entry = {
        pattern: new RegExp(`^${source}$`),
        names,
        staticChars: path.replace(/\{[^}]+\}/g, '').length,
        byMethod: new Map(),
      };
      this.templated.push(entry);
      this.templated.sort((a, b) => b.staticChars - a.staticChars);
    }
    entry.byMethod.set(method, value);
  }

  match(method: HttpMethod, rawPath: string): RouteResult<T> {
    const path = normalise(rawPath);
    const exact = this.staticPaths.get(path);
    if (exact) return pick(exact, method, {});
    for (const entry of this.templated) {
      const found = entry.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      entry.names.forEach((name, i) => (params[name] = safeDecode(found[i + 1])));
      const result = pick(entry.byMethod, method, params);
      if (result.kind === 'match') return result;
      // A later, less specific template may still take this method (e.g. GET /a/{x} vs POST /a/b).
      const other = this.templated.find((t) => t !== entry && t.byMethod.has(method) && t.pattern.test(path));
      if (!other) return result;
    }
    return { kind: 'not-found' };
  }
}

function pick<T>(
  byMethod: Map<HttpMethod, T>,
  method: HttpMethod,
  params: Record<string, string>,
): RouteResult<T> {
  const value = byMethod.get(method);
  if (value !== undefined) return { kind: 'match', value, params };
  const allow = [...byMethod.keys()].map((m) => m.toUpperCase()).sort();
  return { kind: 'method-not-allowed', allow, sample: byMethod.values().next().value as T };
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
