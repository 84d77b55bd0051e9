import { inspectSpec, type SpecInspection } from '../../../src/openapi';
import { VENDOR_SPECS } from '../../helpers/paths';
import { documentedRoutes, servedRoutes } from '../../helpers/seed-ops';

/** The contract against the vendor's document 001 of the coverage checklist (test/fixtures/seed-ops.json). */
describe('Akto threat detection: the contract covers its document', () => {
  let inspection: SpecInspection;
  beforeAll(async () => {
    inspection = await inspectSpec(VENDOR_SPECS.aktoThreatDetection);
  });

  it('has the documented operation count', () => {
    expect(inspection.stats?.operations).toBe(13);
  });

  it('serves exactly the methods and paths the document prints', () => {
    expect(servedRoutes(inspection)).toEqual(documentedRoutes('001'));
  });

  it('validates more than 20 examples', () => {
    expect(inspection.stats?.examplesChecked).toBeGreaterThan(20);
  });
});
