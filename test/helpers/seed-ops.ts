import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecInspection } from '../../src/openapi';
import { TEST_FIXTURES_DIR } from './paths';

/**
 * The coverage checklist (test/fixtures/seed-ops.json, copied from the shared notes): every operation the
 * vendors' documents name, one entry each, tagged with the document ("seed") it comes from. Which
 * document belongs to which spec is vendor knowledge: the coverage tests in test/vendors/ say it.
 */
interface SeedOperation {
  seed: string;
  method: string | null;
  path: string | null;
  proposed_method?: string;
  proposed_path?: string;
}

let operations: SeedOperation[] | undefined;

function seedOperations(): SeedOperation[] {
  operations ??= (
    JSON.parse(readFileSync(join(TEST_FIXTURES_DIR, 'seed-ops.json'), 'utf8')) as {
      operations: SeedOperation[];
    }
  ).operations;
  return operations;
}

/**
 * `METHOD /path` of every operation of the documents whose seed name starts with the prefix ('000' for
 * document 000). Where the document lost a path (Lacework Edge), the checklist's proposed one stands in.
 */
export function documentedRoutes(seedPrefix: string): Set<string> {
  return new Set(
    seedOperations()
      .filter((o) => o.seed.startsWith(seedPrefix))
      .map((o) => `${o.method ?? o.proposed_method} ${o.path ?? o.proposed_path}`),
  );
}

/** `METHOD /path` of every operation the inspected spec serves, in the checklist's spelling. */
export function servedRoutes(inspection: SpecInspection): Set<string> {
  return new Set(inspection.model?.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`));
}
