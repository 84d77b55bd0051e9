import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SPECS_DIR = join(ROOT, 'specs');
/** The seed files secmock ships (`fixtures/seed/<spec-id>.yaml`). */
export const SEED_DIR = join(ROOT, 'fixtures', 'seed');
/** Data only the tests use: broken and tiny specs, their seeds, the coverage checklist, broken apps. */
export const TEST_FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
export const BROKEN_SPECS_DIR = join(TEST_FIXTURES_DIR, 'broken-specs');
export const TEST_SPECS_DIR = join(TEST_FIXTURES_DIR, 'specs');
export const TINY_SPEC = join(TEST_SPECS_DIR, 'tiny-notes.yaml');
/** Seeds of the test specs; `seed-broken/` holds deliberately wrong ones. */
export const TEST_SEED_DIR = join(TEST_FIXTURES_DIR, 'seed');
export const BROKEN_SEED_DIR = join(TEST_FIXTURES_DIR, 'seed-broken');

export const VENDOR_SPECS = {
  aktoIntegrations: join(SPECS_DIR, 'akto-integrations.yaml'),
  aktoThreatDetection: join(SPECS_DIR, 'akto-threat-detection.yaml'),
  manageEngine: join(SPECS_DIR, 'manageengine-incidents.yaml'),
  lacework: join(SPECS_DIR, 'lacework-edge.yaml'),
} as const;
