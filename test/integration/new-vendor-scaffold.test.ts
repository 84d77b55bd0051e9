import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register, scaffold, ScaffoldError } from '../../scripts/new-vendor/scaffold';
import { verify } from '../../src/contract';
import { behaviourProblems } from '../../src/mock';
import { inspectSpec } from '../../src/openapi';
import { startMock } from '../../src/server';
import { BUILTIN_VENDORS } from '../../src/vendors';
import { explain } from '../helpers/contract';
import { authHeaders } from '../helpers/credentials';
import { ROOT } from '../helpers/paths';

/** `npm run new-vendor <spec-id>`: the files it writes make a vendor API that lints, serves and verifies. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'secmock-scaffold-'));
  mkdirSync(join(root, 'src', 'vendors'), { recursive: true });
  cpSync(join(ROOT, 'src', 'vendors', 'index.ts'), join(root, 'src', 'vendors', 'index.ts'));
  return root;
}

describe('the new-vendor scaffold', () => {
  it('writes a starter spec and seed file that lint clean, serve seeded data and verify clean', async () => {
    const root = scratchRoot();
    expect(scaffold({ root, id: 'example-siem', module: false })).toEqual([
      'specs/example-siem.yaml',
      'fixtures/seed/example-siem.yaml',
    ]);
    const spec = join(root, 'specs', 'example-siem.yaml');
    const inspection = await inspectSpec(spec);
    expect(inspection.problems).toEqual([]);
    expect(
      behaviourProblems(inspection.model as NonNullable<typeof inspection.model>, BUILTIN_VENDORS),
    ).toEqual([]);
    const mock = await startMock({ specs: [spec], seedDir: join(root, 'fixtures', 'seed'), port: 0 });
    try {
      const listed = await fetch(`${mock.url}/example-siem/v1/items`, { headers: authHeaders(spec) });
      expect(((await listed.json()) as { total: number }).total).toBe(12);
      const result = await verify({ baseUrl: mock.url, specs: [spec] });
      if (!result.summary.ok) throw new Error(explain(result));
      expect(result.summary.cases).toBeGreaterThan(20);
    } finally {
      await mock.close();
    }
  });

  it('with --module, adds a module folder and its one line in the registry', () => {
    const root = scratchRoot();
    const written = scaffold({ root, id: 'example-siem', module: true });
    expect(written).toContain('src/vendors/example-siem/index.ts');
    expect(written).toContain('src/vendors/index.ts');
    expect(readFileSync(join(root, 'src/vendors/example-siem/index.ts'), 'utf8')).toContain(
      "id: 'example-siem'",
    );
    const registry = readFileSync(join(root, 'src/vendors/index.ts'), 'utf8');
    expect(registry).toContain("import { exampleSiem } from './example-siem';");
    expect(registry).toMatch(/ {2}exampleSiem,\n\];/);
    // Every module the registry listed before is still listed.
    for (const module of ['aktoIntegrations', 'aktoThreatDetection', 'laceworkEdge', 'manageEngineIncidents'])
      expect(registry).toMatch(new RegExp(`^  ${module},$`, 'm'));
  });

  it.each([['ExampleSiem'], ['example_siem'], ['-siem'], ['']])('refuses the spec id %j', (id) => {
    expect(() => scaffold({ root: scratchRoot(), id, module: false })).toThrow(ScaffoldError);
  });

  it('overwrites nothing: an existing spec stops it before any file is written', () => {
    const root = scratchRoot();
    scaffold({ root, id: 'example-siem', module: false });
    expect(() => scaffold({ root, id: 'example-siem', module: true })).toThrow(/already exists/);
    expect(existsSync(join(root, 'src/vendors/example-siem'))).toBe(false);
  });

  it('refuses a registry it cannot read the module list of', () => {
    expect(() => register('export const nothing = 1;\n', 'example-siem')).toThrow(ScaffoldError);
  });
});
