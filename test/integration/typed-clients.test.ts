import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { ROOT, SPECS_DIR, VENDOR_SPECS } from '../helpers/paths';
import { lostInTypes, type OpenApiDoc } from '../helpers/lost-in-types';
import { TYPED_CLIENTS } from '../helpers/typed-clients';

/**
 * Typed clients for every spec: the types the build ships as `secmock/types/<spec-id>` (openapi-typescript,
 * default options) are generated for each spec into a scratch folder, with a small client that uses them;
 * both compile with `tsc --strict` (the generated declarations too: no skipLibCheck). The clients expect
 * errors for bodies that lack a required field; and every field a schema requires must be required in the
 * generated type, every object a schema leaves open must stay open (not `Record<string, never>`): a spec
 * written so that the generator loses either fails here.
 */
const SPECS = readdirSync(SPECS_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ id: name.slice(0, -'.yaml'.length), file: join(SPECS_DIR, name) }));

/**
 * The build's generator (scripts/types), compiled and run as `npm run build` runs it: in a child process,
 * since openapi-typescript loads ES modules that Jest's module loader cannot require.
 */
function generateTypes(outDir: string): void {
  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe' });
  run([require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'scripts', 'types')]);
  run([
    join(ROOT, 'node_modules', '.cache', 'secmock-types', 'scripts', 'types', 'run.js'),
    SPECS_DIR,
    outDir,
  ]);
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  lib: ['lib.es2023.d.ts'],
  types: [],
  skipLibCheck: false,
};

let dir: string;
let program: ts.Program;
const files = (id: string) => ({
  types: join(dir, `${id}.d.ts`),
  client: join(dir, `${id}.client.ts`),
  probe: join(dir, `${id}.probe.ts`),
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'secmock-typed-clients-'));
  generateTypes(dir);
  for (const { id } of SPECS) {
    const paths = files(id);
    writeFileSync(paths.client, TYPED_CLIENTS[id] ?? 'export {};\n');
    writeFileSync(
      paths.probe,
      `import type { components, operations } from './${id}';\n` +
        'export type Generated = { components: components; operations: operations };\n',
    );
  }
  program = ts.createProgram(
    SPECS.flatMap(({ id }) => Object.values(files(id))),
    COMPILER_OPTIONS,
  );
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const source = diagnostic.file.text.split('\n')[line].trim();
  return `${diagnostic.file.fileName.slice(dir.length + 1)}:${line + 1} ${text}\n    ${source}`;
}

it('has a typed client for each vendor API', () => {
  const vendors = Object.values(VENDOR_SPECS).map((file) => basename(file, '.yaml'));
  expect(Object.keys(TYPED_CLIENTS).sort()).toEqual(vendors.sort());
});

// A spec added later is covered as it is (its types compile, nothing is lost); a client for it is a bonus.
describe.each(SPECS.map(({ id }) => id))('%s', (id) => {
  it('its generated types, and its typed client, compile with tsc --strict', () => {
    const diagnostics = Object.values(files(id)).flatMap((file) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)),
    );
    expect(diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it('keeps required fields required and open objects open in the generated types', () => {
    const spec = SPECS.find((s) => s.id === id)!;
    const document = parse(readFileSync(spec.file, 'utf8')) as OpenApiDoc;
    const probe = program.getSourceFile(files(id).probe)!;
    const alias = probe.statements.find(ts.isTypeAliasDeclaration)!;
    const checker = program.getTypeChecker();
    expect(lostInTypes(document, checker, checker.getTypeAtLocation(alias.name))).toEqual([]);
  });
});
