import type { VendorModule } from '../mock';
import { aktoIntegrations } from './akto-integrations';
import { aktoThreatDetection } from './akto-threat-detection';
import { laceworkEdge } from './lacework-edge';
import { manageEngineIncidents } from './manageengine-incidents';

/**
 * The vendor modules secmock ships, one per spec in specs/, each with the id of its spec. The names a spec
 * gives in `x-secmock.behaviour` and its seed file under `generators` resolve in that module only; a new
 * vendor API needs a line here only when it has behaviour beyond its annotations (docs/adding-a-vendor.md).
 */
export const BUILTIN_VENDORS: readonly VendorModule[] = [
  aktoIntegrations,
  aktoThreatDetection,
  laceworkEdge,
  manageEngineIncidents,
];
