import type { SeedContext } from '../../../mock';
import { seedAlerts } from './alerts';
import { seedAuditEvents, seedTokens } from './audit';
import { seedingOf } from './common';
import { seedBlobs, seedDocuments } from './content';
import { seedDevices } from './devices';
import { seedWorkflowRuns } from './runs';

/**
 * Generator `activity`: what happened in the seeded tenant, after `directory` — devices
 * (before the workflow runs that mention them), API tokens, alerts with their investigation history,
 * workflow runs, the audit trail, blobs and shared documents.
 */
export function generateActivity(ctx: SeedContext): void {
  const seeding = seedingOf(ctx);
  seedDevices(seeding, seeding.option('deviceOwnersPercent', 65));
  seedTokens(seeding, ctx.credentials);
  seedAlerts(seeding, seeding.option('alerts', 40));
  seedWorkflowRuns(seeding, seeding.option('workflowRuns', 30));
  seedAuditEvents(seeding, seeding.option('auditEvents', 150));
  seedBlobs(seeding, seeding.option('blobs', 16));
  seedDocuments(seeding, seeding.option('documents', 8));
}
