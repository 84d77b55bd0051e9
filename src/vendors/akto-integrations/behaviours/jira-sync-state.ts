import type { Entity, Store } from '../../../state';
import type { AktoHost } from '../testing-issues';

/**
 * Bookkeeping of the Jira bi-directional sync, kept in the store (so reset, snapshots and state files carry
 * it) as one document: per project the time of its last successful sync, faults injected on tickets, pending
 * job outages, and the log of recent runs.
 */
export const SYNC_COLLECTION = '$aktoJiraSync';
const SYNC_KEY = 'state';
export const SYNC_INTERVAL_S = 3600;
const RUNS_KEPT = 50;

export interface SyncHost extends AktoHost {
  store: Store;
}

export type ChangeOutcome = 'UPDATED' | 'UNCHANGED' | 'NOT_ALLOWED' | 'ERROR';

export interface TicketChange {
  ticketKey: string;
  jiraStatus: string;
  outcome: ChangeOutcome;
  from?: string;
  to?: string;
  message?: string;
}

export interface ProjectRun {
  projId: string;
  /** Changes made in Jira after this time (the project's last successful sync) were processed. */
  since: string;
  changes: TicketChange[];
}

export interface SyncRun {
  run: number;
  ranAt: string;
  trigger: 'schedule' | 'manual';
  status: 'SUCCESS' | 'FAILED';
  message?: string;
  projects: ProjectRun[];
}

export interface SyncState {
  /** Epoch seconds of each project's last successful sync; kept while its sync is disabled. */
  lastSuccessfulSync: Record<string, number>;
  /** Ticket key -> error the next sync meets on that ticket (admin fault injection). */
  faults: Record<string, string>;
  /** How many coming scheduled runs fail as a whole (admin outage simulation). */
  pendingOutages: number;
  runCount: number;
  runs: SyncRun[];
}

export function readSyncState(store: Store): SyncState {
  const stored = store.collection(SYNC_COLLECTION).get(SYNC_KEY) as SyncState | undefined;
  return stored
    ? structuredClone(stored)
    : { lastSuccessfulSync: {}, faults: {}, pendingOutages: 0, runCount: 0, runs: [] };
}

export function writeSyncState(store: Store, state: SyncState): void {
  state.runs = state.runs.slice(-RUNS_KEPT);
  store.collection(SYNC_COLLECTION).put(SYNC_KEY, state as unknown as Entity);
}

export const isoOf = (epochS: number) => new Date(epochS * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const nowS = (host: AktoHost) => Math.floor(host.clock.now() / 1000);

/**
 * Projects whose bi-directional sync is on, with their settings: enabled, and with status mappings to
 * follow. The dashboard turns sync off by sending `aktoStatusMappings` null; a project with no mappings
 * (or only a priority mapping) has nothing to sync.
 */
export function enabledProjects(integration: Entity | undefined): Array<[string, Entity]> {
  const mappings = (integration?.projectMappings ?? {}) as Record<string, Entity | null>;
  return Object.entries(mappings).filter((entry): entry is [string, Entity] => {
    const settings = entry[1]?.biDirectionalSyncSettings as Entity | null | undefined;
    const statusMappings = settings?.aktoStatusMappings;
    return settings?.enabled === true && statusMappings !== null && typeof statusMappings === 'object';
  });
}

/**
 * Called after the integration is saved. A project whose sync is turned on for the first time starts
 * from now: statuses changed in Jira before that are not synced ("existing issues retain their status").
 * A project turned back on keeps its last successful sync, so the changes made while it was off are
 * picked up by the next run.
 */
export function noteSyncSettings(host: SyncHost, integration: Entity | undefined): void {
  const state = readSyncState(host.store);
  let changed = false;
  for (const [projId] of enabledProjects(integration)) {
    if (state.lastSuccessfulSync[projId] !== undefined) continue;
    state.lastSuccessfulSync[projId] = nowS(host);
    changed = true;
  }
  if (changed) writeSyncState(host.store, state);
}

/** A project removed from the integration starts afresh if it is added again. */
export function forgetSyncProject(host: SyncHost, projId: string): void {
  const state = readSyncState(host.store);
  if (state.lastSuccessfulSync[projId] === undefined) return;
  delete state.lastSuccessfulSync[projId];
  writeSyncState(host.store, state);
}
