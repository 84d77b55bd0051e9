import type { VendorModule } from '../../mock';
import { createIncident, deleteIncidents, listIncidents, updateIncident } from './behaviours/incidents';
import { generateIncidents } from './seed/incidents';
import { onSeedStream } from '../seed-stream';

/**
 * ManageEngine EventLog Analyzer incidents (specs/manageengine-incidents.yaml): display-case values, notes
 * and evidence as records, an activity log, 1-based `from` paging, unique names. The generic engine does
 * the storing; the generator `incidents` seeds them.
 */
export const manageEngineIncidents: VendorModule = {
  id: 'manageengine-incidents',
  behaviours: {
    createIncident,
    updateIncident,
    listIncidents,
    getIncident: (ctx) => ctx.generic(),
    deleteIncidents,
  },
  generators: { incidents: onSeedStream('manageengine.incidents', generateIncidents) },
};
