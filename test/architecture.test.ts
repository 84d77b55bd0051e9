import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ROOT, SPECS_DIR } from './helpers/paths';

/**
 * The layer rules of DESIGN.md, read from the code: every import under src/ goes left in the layer order,
 * across layers only through the target layer's index.ts, with no cycle; the engine knows no vendor, and
 * only one layer touches each framework. A failure names the file and the import.
 */
const SRC = join(ROOT, 'src');

/** What each layer may import (besides itself): everything to its left in DESIGN.md's two chains. */
const BELOW_OPENAPI = ['http', 'schema', 'openapi'];
const ALLOWED: Record<string, string[]> = {
  http: [],
  schema: ['http'],
  openapi: ['http', 'schema'],
  validate: BELOW_OPENAPI,
  generate: BELOW_OPENAPI,
  state: BELOW_OPENAPI,
  mock: [...BELOW_OPENAPI, 'validate', 'generate', 'state'],
  vendors: [...BELOW_OPENAPI, 'validate', 'generate', 'state', 'mock'],
  server: [...BELOW_OPENAPI, 'validate', 'generate', 'state', 'mock', 'vendors'],
  contract: [...BELOW_OPENAPI, 'validate', 'generate'],
  report: [...BELOW_OPENAPI, 'validate', 'generate', 'contract'],
  commands: [
    ...BELOW_OPENAPI,
    'validate',
    'generate',
    'state',
    'mock',
    'vendors',
    'server',
    'contract',
    'report',
  ],
  // How the built CLI starts (a bundle and its saved code): Node alone.
  launch: [],
  // src/cli.ts (argv -> command), src/bin.ts (the binary) and src/index.ts (the library's face) sit on top.
  'cli.ts': ['commands'],
  'bin.ts': ['launch'],
  'index.ts': ['http', 'openapi', 'mock', 'vendors', 'server', 'contract'],
};

/** Packages that belong to one layer only: the framework stays at the edge, Ajv behind schema/. */
const PACKAGE_OWNERS: Array<[RegExp, string]> = [
  [/^(express|cors|body-parser|parseurl|fresh)$/, 'server'],
  [/^ajv(\/|$)|^ajv-formats$/, 'schema'],
  [/^better-sqlite3$/, 'state'],
];

interface Import {
  from: string;
  to?: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const target = resolve(dirname(from), specifier);
  const candidates = [`${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => FILES.includes(candidate));
}

/** Every import and re-export of a file, type-only ones included (a cycle of types is still a cycle). */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  return source.statements.flatMap((statement) => {
    const specifierNode =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (!specifierNode || !ts.isStringLiteral(specifierNode)) return [];
    const specifier = specifierNode.text;
    return [
      { from: file, specifier, to: specifier.startsWith('.') ? resolveImport(file, specifier) : undefined },
    ];
  });
}

const FILES = sourceFiles(SRC);
const IMPORTS = FILES.flatMap(importsOf);
const layerOf = (file: string) => relative(SRC, file).split('/')[0];
const show = (i: Import) => `${relative(ROOT, i.from)} imports '${i.specifier}'`;

describe('the architecture of src/', () => {
  it('has a layer for every top-level entry, and resolves every relative import', () => {
    expect(FILES.map(layerOf).filter((layer) => !(layer in ALLOWED))).toEqual([]);
    expect(IMPORTS.filter((i) => i.specifier.startsWith('.') && !i.to).map(show)).toEqual([]);
  });

  it('imports only leftwards in the layer order of DESIGN.md', () => {
    const violations = IMPORTS.filter((i) => {
      if (!i.to) return false;
      const [from, to] = [layerOf(i.from), layerOf(i.to)];
      return from !== to && !ALLOWED[from].includes(to);
    });
    expect(violations.map(show)).toEqual([]);
  });

  it('crosses layers only through the target layer’s index.ts (one face per layer)', () => {
    const violations = IMPORTS.filter(
      (i) => i.to && layerOf(i.from) !== layerOf(i.to) && i.to !== join(SRC, layerOf(i.to), 'index.ts'),
    );
    expect(violations.map(show)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(findCycles().map((cycle) => cycle.map((f) => relative(SRC, f)).join(' -> '))).toEqual([]);
  });

  it('keeps each framework in its one layer', () => {
    const violations = IMPORTS.filter((i) =>
      PACKAGE_OWNERS.some(([pattern, owner]) => pattern.test(i.specifier) && layerOf(i.from) !== owner),
    );
    expect(violations.map(show)).toEqual([]);
  });

  it('names no vendor in the string literals of generic code: vendors live in src/vendors/ and the specs', () => {
    // The vendor names are the first word of the shipped spec ids (akto-integrations -> akto).
    const vendors = [...new Set(readdirSync(SPECS_DIR).map((f) => basename(f, extname(f)).split('-')[0]))];
    const pattern = new RegExp(vendors.join('|'), 'i');
    const offending = FILES.filter((file) => layerOf(file) !== 'vendors').flatMap((file) =>
      literalsOf(file)
        .filter((text) => pattern.test(text))
        .map((text) => `${relative(ROOT, file)}: ${JSON.stringify(text)}`),
    );
    expect(vendors.length).toBeGreaterThan(0);
    expect(offending).toEqual([]);
  });
});

/** Cycles as Tarjan's strongly connected components of more than one file (or a file importing itself). */
function findCycles(): string[][] {
  const edges = new Map<string, string[]>(FILES.map((f) => [f, []]));
  for (const i of IMPORTS) if (i.to) edges.get(i.from)?.push(i.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || edges.get(file)?.includes(file)) cycles.push(component);
  };
  for (const file of FILES) if (!index.has(file)) visit(file);
  return cycles;
}

/** The text of every string literal, template and regular expression of a file (comments excluded). */
function literalsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const texts: string[] = [];
  const walk = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isStringLiteralLike(node) ||
      ts.isRegularExpressionLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    )
      texts.push(node.text);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return texts;
}
