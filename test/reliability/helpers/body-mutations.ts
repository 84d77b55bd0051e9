import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-target';
import type { Mutation } from './mutations';
import { edgeLiteral, oddString, wrongValue } from './odd-values';

/** Mutations of a JSON body: wrong values, extra and missing fields, huge and deep values, broken JSON. */
function jsonPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  const paths = [prefix];
  if (depth >= 4 || value === null || typeof value !== 'object') return paths;
  const entries = Array.isArray(value)
    ? value.slice(0, 3).map((item, i) => [String(i), item] as const)
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) paths.push(...jsonPaths(item, [...prefix, key], depth + 1));
  return paths;
}

/** A fresh copy of the body's value; undefined when it is not JSON (or too deep to handle). */
function parseBody(request: FuzzRequest): unknown {
  try {
    return request.body === undefined ? undefined : JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

/** JSON text of a value, or undefined when it is too deep to serialise (an earlier nesting mutation). */
function serialise(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Sets (or with `undefined`, deletes) the value at a path of a copy of the body; the root replaces it. An
 * earlier mutation may have left the body unparsable or of another shape: missing levels are created.
 */
function withBodyValue(request: FuzzRequest, path: string[], value: unknown): FuzzRequest {
  if (path.length === 0) return { ...request, body: JSON.stringify(value) ?? '' };
  const parsed = parseBody(request);
  const root = isRecord(parsed) && serialise(parsed) !== undefined ? parsed : {};
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isRecord(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return { ...request, body: JSON.stringify(root) };
}

/** Puts JSON text at a path as it is: a literal JSON.stringify would round or could not build. */
function withBodyText(request: FuzzRequest, path: string[], text: string): FuzzRequest {
  const marker = '\u0001literal\u0001';
  const next = withBodyValue(request, path, marker);
  return { ...next, body: next.body?.replace(JSON.stringify(marker), () => text) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

const described = (path: string[]) => (path.length === 0 ? 'body' : `body.${path.join('.')}`);

export function bodyMutations(base: FuzzRequest): fc.Arbitrary<Mutation>[] {
  const body = parseBody(base);
  if (body === undefined) return [];
  const paths = jsonPaths(body);
  const inner = paths.filter((p) => p.length > 0);
  const at = fc.constantFrom(...paths);
  const mutations = [...valueMutations(at), ...sizeMutations(at), invalidJson, ...wholeBodyMutations()];
  if (inner.length > 0)
    mutations.push(
      fc.constantFrom(...inner).map((path) => ({
        label: `without ${described(path)}`,
        apply: (r) => withBodyValue(r, path, undefined),
      })),
    );
  return mutations;
}

/** A value of the wrong type, odd text, or an extra field, somewhere in the body. */
function valueMutations(at: fc.Arbitrary<string[]>): fc.Arbitrary<Mutation>[] {
  return [
    fc.tuple(at, wrongValue).map(([path, value]) => ({
      label: `${described(path)} = ${JSON.stringify(value)?.slice(0, 60)}`,
      apply: (r) => withBodyValue(r, path, value),
    })),
    fc.tuple(at, oddString).map(([path, text]) => ({
      label: `${described(path)} = odd text ${JSON.stringify(text).slice(0, 40)}`,
      apply: (r) => withBodyValue(r, path, text),
    })),
    fc.tuple(at, edgeLiteral).map(([path, literal]) => ({
      label: `${described(path)} = edge ${literal}`,
      apply: (r) => withBodyText(r, path, literal),
    })),
    fc.tuple(at, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([path, key, value]) => ({
      label: `extra field ${JSON.stringify(key)} at ${described(path)}`,
      apply: (r) => withBodyValue(r, [...path, key], value),
    })),
  ];
}

/** Huge strings and arrays (around the limits), and nesting far deeper than the limit. */
function sizeMutations(at: fc.Arbitrary<string[]>): fc.Arbitrary<Mutation>[] {
  return [
    fc
      .tuple(at, fc.constantFrom(60_000, 300_000, 900_000), fc.constantFrom('x', 'é', '💥'))
      .map(([path, size, unit]) => ({
        label: `${described(path)} = huge string (${size} × ${unit})`,
        apply: (r) => withBodyValue(r, path, unit.repeat(Math.floor(size / unit.length))),
      })),
    fc.tuple(at, fc.constantFrom(5_000, 10_001, 60_000)).map(([path, size]) => ({
      label: `${described(path)} = array of ${size} items`,
      apply: (r) => withBodyValue(r, path, new Array<number>(size).fill(7)),
    })),
    fc.tuple(at, fc.integer({ min: 20, max: 3_000 }), fc.boolean()).map(([path, depth, arrays]) => ({
      label: `${described(path)} nested ${depth} levels deep`,
      apply: (r) => {
        // Built as text: a value this deep would overflow the stack of JSON.stringify.
        const deep = arrays
          ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        return withBodyText(r, path, deep);
      },
    })),
  ];
}

/** Another JSON value instead of the body, no body, or one over the size limit. */
function wholeBodyMutations(): fc.Arbitrary<Mutation>[] {
  return [
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({
      label: `body replaced by ${JSON.stringify(value)?.slice(0, 60)}`,
      apply: (r) => withBodyValue(r, [], value),
    })),
    fc.constant<Mutation>({ label: 'no body', apply: (r) => ({ ...r, body: undefined }) }),
    fc.constant<Mutation>({
      label: 'body over the size limit (1.2 MB)',
      apply: (r) => ({ ...r, body: JSON.stringify({ padding: 'x'.repeat(1_200_000) }) }),
    }),
  ];
}

const invalidJson: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((cut) => ({
    label: `JSON truncated at ${Math.round(cut * 100)}%`,
    apply: (r: FuzzRequest) => ({
      ...r,
      body: (r.body ?? '{}').slice(0, Math.floor((r.body ?? '{}').length * cut)) || '{',
    }),
  })),
  fc
    .constantFrom(
      '{',
      '{"a":}',
      "{'a': 1}",
      '[1, 2,',
      '{"a": 1}{"b": 2}',
      'NaN',
      'undefined',
      '\ufeff{}',
      '{"a": 1,}',
      '\u0000',
      '{"a":"\\ud800"}',
    )
    .map((text) => ({
      label: `body text ${JSON.stringify(text)}`,
      apply: (r: FuzzRequest) => ({ ...r, body: text }),
    })),
  fc.string({ unit: 'binary', maxLength: 50 }).map((text) => ({
    label: `body text ${JSON.stringify(text).slice(0, 60)}`,
    apply: (r: FuzzRequest) => ({ ...r, body: text }),
  })),
);

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/json; charset=utf-16',
  'application/json; charset=bogus-charset',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json;;;',
  '*/*',
  'application/',
  ';',
  '',
];

export const contentTypeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...CONTENT_TYPES).map((type) => ({
    label: `content-type ${JSON.stringify(type)}`,
    apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, 'content-type': type } }),
  })),
  fc.constant<Mutation>({
    label: 'no content-type',
    apply: (r) => {
      const { 'content-type': _dropped, ...headers } = r.headers;
      return { ...r, headers };
    },
  }),
);
