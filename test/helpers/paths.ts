import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SPECS_DIR = join(ROOT, 'specs');
export const FIXTURES_DIR = join(ROOT, 'fixtures');
export const BROKEN_SPECS_DIR = join(FIXTURES_DIR, 'broken-specs');
export const TINY_SPEC = join(FIXTURES_DIR, 'specs', 'tiny-notes.yaml');

export const VENDOR_SPECS = {
  aktoIntegrations: join(SPECS_DIR, 'akto-integrations.yaml'),
  aktoThreatDetection: join(SPECS_DIR, 'akto-threat-detection.yaml'),
  manageEngine: join(SPECS_DIR, 'manageengine-incidents.yaml'),
  lacework: join(SPECS_DIR, 'lacework-edge.yaml'),
} as const;
