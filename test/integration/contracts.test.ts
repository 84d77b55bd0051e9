import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectSpec, type SpecInspection } from '../../src/openapi';
import { ROOT, TEST_FIXTURES_DIR, VENDOR_SPECS } from '../helpers/paths';

interface SeedOperation {
  seed: string;
  method: string | null;
  path: string | null;
  proposed_method?: string;
  proposed_path?: string;
}

/** The coverage checklist: every operation the vendor documents (copied from the shared notes). */
const seedOps = (
  JSON.parse(readFileSync(join(TEST_FIXTURES_DIR, 'seed-ops.json'), 'utf8')) as {
    operations: SeedOperation[];
  }
).operations;
const routesOf = (inspection: SpecInspection) =>
  new Set(inspection.model?.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
const documented = (seedPrefix: string) =>
  new Set(
    seedOps
      .filter((o) => o.seed.startsWith(seedPrefix))
      .map((o) => `${o.method ?? o.proposed_method} ${o.path ?? o.proposed_path}`),
  );

describe('the four contracts', () => {
  const inspections = new Map<string, SpecInspection>();
  beforeAll(async () => {
    for (const [name, file] of Object.entries(VENDOR_SPECS)) inspections.set(name, await inspectSpec(file));
  });

  it.each(Object.keys(VENDOR_SPECS))(
    '%s passes the OpenAPI 3.1 schema, its annotations check and every example validates',
    (name) => {
      const inspection = inspections.get(name) as SpecInspection;
      expect(inspection.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(inspection.stats?.examplesChecked).toBeGreaterThan(20);
    },
  );

  it('has the documented operation counts', () => {
    const counts = Object.fromEntries([...inspections].map(([name, i]) => [name, i.stats?.operations]));
    expect(counts).toMatchObject({ aktoIntegrations: 43, aktoThreatDetection: 13, manageEngine: 5 });
    expect(counts.lacework).toBeGreaterThanOrEqual(107);
  });

  it('serves exactly the methods and paths the Akto and ManageEngine documents print', () => {
    expect(routesOf(inspections.get('aktoIntegrations') as SpecInspection)).toEqual(documented('000'));
    expect(routesOf(inspections.get('aktoThreatDetection') as SpecInspection)).toEqual(documented('001'));
    expect(routesOf(inspections.get('manageEngine') as SpecInspection)).toEqual(documented('002'));
  });

  it('covers every Lacework Edge operation of the document, marks inferred paths and the lost headings', () => {
    const lacework = inspections.get('lacework') as SpecInspection;
    const routes = routesOf(lacework);
    for (const route of documented('004')) expect(routes).toContain(route);
    const operations = lacework.model?.operations ?? [];
    expect(
      operations.every((op) => ['confirmed', 'inferred', 'vendor-extra'].includes(op.notes.pathSource ?? '')),
    ).toBe(true);
    expect(operations.filter((op) => op.notes.headingLost)).toHaveLength(14);
    expect(
      operations
        .filter((op) => op.notes.pathSource === 'vendor-extra')
        .map((op) => `${op.method} ${op.path}`),
    ).toEqual(['post /api/v1/groups']);
  });

  it("passes Spectral's spectral:oas ruleset with no errors", () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'),
        'lint',
        ...Object.values(VENDOR_SPECS),
        '--ruleset',
        join(ROOT, '.spectral.yaml'),
        '-f',
        'json',
        '-q',
      ],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    const results = JSON.parse(run.stdout || '[]') as Array<{
      severity: number;
      code: string;
      path: string[];
    }>;
    expect(results.filter((r) => r.severity === 0)).toEqual([]);
  });
});
