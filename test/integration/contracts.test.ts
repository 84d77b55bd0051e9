import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { inspectSpec } from '../../src/openapi';
import { ROOT } from '../helpers/paths';
import { shippedSpecs } from '../helpers/specs';

/**
 * What every contract in specs/ must pass, whichever vendor it describes. The specs are found by listing the
 * directory, so a new one is checked with no edit here; what one vendor's document must cover is in
 * test/vendors/<spec-id>/coverage.test.ts.
 */
const SPECS = shippedSpecs();

describe('every shipped contract', () => {
  it.each(SPECS)(
    '%s passes the OpenAPI 3.1 schema, its annotations check and every example validates',
    async (_specId, file) => {
      const inspection = await inspectSpec(file);
      expect(inspection.problems.filter((p) => p.severity === 'error')).toEqual([]);
    },
  );

  it("passes Spectral's spectral:oas ruleset with no errors", () => {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/@stoplight/spectral-cli/dist/index.js'),
        'lint',
        ...SPECS.map(([, file]) => file),
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
