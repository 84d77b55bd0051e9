import fc from 'fast-check';
import type { Operation } from '../../../src/openapi/model';
import type { FuzzRequest } from './fuzz-target';
import type { Mutation } from './mutations';
import { edgeLiteral, oddString } from './odd-values';

/** Mutations of the rest of a request: path (traversal, encoded slashes), query, headers, method. */
const PATH_SEGMENTS = [
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5C..%5Cwindows%5Cwin.ini',
  'a%2Fb',
  '%2F',
  '%00',
  '%E0%A4%A',
  '%',
  '%252F',
  '..',
  '.',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'null',
  '__proto__',
  'constructor',
  '%7B%7D',
  'x'.repeat(5_000),
];

export function pathMutations(operation: Operation): fc.Arbitrary<Mutation>[] {
  const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const mutations: fc.Arbitrary<Mutation>[] = [
    fc
      .constantFrom('/../../etc/passwd', '/', '//', '/extra', ';jsessionid=1', '/.', '%2F..%2F..')
      .map((suffix) => ({
        label: `path + ${JSON.stringify(suffix)}`,
        apply: (r: FuzzRequest) => ({ ...r, rawPath: `${resolvedPath(operation, r)}${suffix}` }),
      })),
    fc.constant<Mutation>({
      label: 'path with // and /./',
      apply: (r) => ({
        ...r,
        rawPath: resolvedPath(operation, r)
          .replace('/', '//')
          .replace(/\/([^/]*)$/, '/./$1'),
      }),
    }),
  ];
  if (names.length === 0) return mutations;
  const segment = fc.oneof(
    fc.constantFrom(...PATH_SEGMENTS),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  );
  mutations.push(
    fc.tuple(fc.constantFrom(...names), segment).map(([name, raw]) => ({
      label: `path.${name} = ${raw.slice(0, 60)}`,
      apply: (r: FuzzRequest) => ({ ...r, path: { ...r.path, [name]: raw } }),
    })),
  );
  return mutations;
}

function resolvedPath(operation: Operation, request: FuzzRequest): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => request.path[name] ?? '');
}

const QUERY_NAMES = [
  '__proto__',
  'constructor',
  'constructor[prototype][polluted]',
  'a[b]',
  'toString',
  'hasOwnProperty',
];

export function queryMutations(operation: Operation): fc.Arbitrary<Mutation>[] {
  const names = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const value = fc.oneof(
    oddString,
    fc.constantFrom(
      'not-a-number',
      '-1',
      '1.5',
      'true',
      '[]',
      '{}',
      '1e999',
      'x'.repeat(8_000),
      'x'.repeat(20_000),
    ),
    edgeLiteral.map((literal) => literal.replace(/^"|"$/g, '')),
  );
  const mutations: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 10 })), value)
      .map(([name, v]) => ({
        label: `extra query ${JSON.stringify(name)}`,
        apply: (r: FuzzRequest) => ({ ...r, query: [...r.query, [name, v] as [string, string]] }),
      })),
  ];
  if (names.length === 0) return mutations;
  const name = fc.constantFrom(...names);
  mutations.push(
    fc.tuple(name, value).map(([n, v]) => ({
      label: `query.${n} = ${JSON.stringify(v).slice(0, 40)}`,
      apply: (r: FuzzRequest) => ({
        ...r,
        query: [...r.query.filter(([k]) => k !== n), [n, v] as [string, string]],
      }),
    })),
    fc.tuple(name, fc.option(value, { nil: undefined })).map(([n, v]) => ({
      label: `query.${n} duplicated`,
      apply: (r: FuzzRequest) => {
        const first = r.query.find(([k]) => k === n)?.[1] ?? '1';
        return {
          ...r,
          query: [...r.query, [n, first] as [string, string], [n, v ?? first] as [string, string]],
        };
      },
    })),
    name.map((n) => ({
      label: `without query.${n}`,
      apply: (r: FuzzRequest) => ({ ...r, query: r.query.filter(([k]) => k !== n) }),
    })),
  );
  return mutations;
}

/** Header values a client can send (Node refuses control characters before they reach the wire). */
const headerValue = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', 'not-a-number', 'x'.repeat(8_000)),
);

export function headerMutations(operation: Operation): fc.Arbitrary<Mutation>[] {
  const names = operation.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
  return [...names, 'accept', 'prefer'].map((name) =>
    headerValue.map((value) => ({
      label: `header ${name}: ${value.slice(0, 40)}`,
      apply: (r: FuzzRequest) => ({ ...r, headers: { ...r.headers, [name]: value } }),
    })),
  );
}

export function methodMutation(operation: Operation): fc.Arbitrary<Mutation> {
  // Methods OpenAPI does not name reach the mock too (node's parser knows about thirty).
  const others = [
    'get',
    'post',
    'put',
    'patch',
    'delete',
    'query',
    'search',
    'propfind',
    'mkcol',
    'purge',
  ].filter((m) => m !== operation.method);
  return fc.constantFrom(...others).map((method) => ({
    label: `method ${method.toUpperCase()}`,
    apply: (r: FuzzRequest) => ({ ...r, method }),
  }));
}
