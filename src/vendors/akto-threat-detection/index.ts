import type { VendorModule } from '../../mock';
import {
  activityTimeline,
  actorsPerCountry,
  categoryCounts,
  dailyActorCounts,
  severityCounts,
} from './behaviours/aggregates';
import {
  fetchFiltersForThreatActors,
  fetchFiltersThreatTable,
  fetchRemediationInfo,
  fetchThreatActors,
  fetchThreatApis,
} from './behaviours/dashboard';
import { windowed } from './behaviours/windows';
import { fetchAggregateMaliciousRequests, fetchSuspectSampleData } from './behaviours/events';
import { generateThreatDataset } from './seed/dataset';
import { onSeedStream } from '../seed-stream';

/**
 * Akto threat detection (specs/akto-threat-detection.yaml): every operation is computed from the seeded
 * `maliciousEvents` (generator `dataset`), through one time-sorted index cached per store revision. Success
 * bodies are the vendor's whole action bean, so unrelated bean keys are answered as null.
 */
export const aktoThreatDetection: VendorModule = {
  id: 'akto-threat-detection',
  behaviours: {
    fetchSuspectSampleData,
    fetchAggregateMaliciousRequests,
    fetchThreatActors,
    fetchThreatApis,
    fetchFiltersThreatTable,
    fetchFiltersForThreatActors,
    fetchRemediationInfo,
    fetchFilterYamlTemplate: (ctx) => ctx.generic(),
    fetchCountBySeverity: windowed(severityCounts, (categoryCounts) => ({ categoryCounts }), {
      byStatus: true,
    }),
    fetchThreatCategoryCount: windowed(categoryCounts, (counts) => ({ categoryCounts: counts }), {
      byStatus: true,
    }),
    getThreatActivityTimeline: windowed(activityTimeline, (threatActivityTimelines) => ({
      threatActivityTimelines,
    })),
    getDailyThreatActorsCount: windowed(dailyActorCounts, (counts) => counts),
    getActorsCountPerCounty: windowed(actorsPerCountry, (actorsCountPerCountry) => ({
      actorsCountPerCountry,
    })),
  },
  generators: { dataset: onSeedStream('akto.threat.dataset', generateThreatDataset) },
};
