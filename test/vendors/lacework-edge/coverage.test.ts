import { inspectSpec, type SpecInspection } from '../../../src/openapi';
import { VENDOR_SPECS } from '../../helpers/paths';
import { documentedRoutes, servedRoutes } from '../../helpers/seed-ops';

/**
 * The contract against the vendor's document 004 of the coverage checklist (test/fixtures/seed-ops.json).
 * The document lost most paths and 14 headings in extraction: the checklist proposes the paths, and the spec
 * says of each operation whether its path is confirmed, inferred or one the vendor serves beyond the document.
 */
describe('Lacework Edge: the contract covers its document', () => {
  let inspection: SpecInspection;
  beforeAll(async () => {
    inspection = await inspectSpec(VENDOR_SPECS.lacework);
  });

  it('has at least the documented operation count', () => {
    expect(inspection.stats?.operations).toBeGreaterThanOrEqual(107);
  });

  it('covers every Lacework Edge operation of the document, marks inferred paths and the lost headings', () => {
    const routes = servedRoutes(inspection);
    for (const route of documentedRoutes('004')) expect(routes).toContain(route);
    const operations = inspection.model?.operations ?? [];
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

  it('validates more than 20 examples', () => {
    expect(inspection.stats?.examplesChecked).toBeGreaterThan(20);
  });
});
