import type { Entity } from '../../../state';
import { AKTO_STATUSES, findTestingIssue, TESTING_ISSUES, type AktoStatus } from '../testing-issues';
import {
  enabledProjects,
  isoOf,
  readSyncState,
  SYNC_INTERVAL_S,
  writeSyncState,
  type ProjectRun,
  type SyncHost,
  type SyncRun,
  type SyncState,
  type TicketChange,
} from './jira-sync-state';

/**
 * The hourly Jira -> Akto status sync of document 003. Each run, for every project with bi-directional
 * sync on, takes the linked tickets whose Jira status changed after the project's last successful sync,
 * maps each Jira status to an Akto status through `aktoStatusMappings`, and updates the Akto issue.
 *
 * A transition is allowed when the Jira status belongs to the project's workflow (its `statuses`, when
 * listed) and maps to exactly one Akto status; otherwise the Akto status stays as it is. An error on one
 * ticket is logged and skipped, and not retried: the run still succeeds and moves the project on.
 */
const same = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();

/** The Akto status a Jira status moves an issue to, or why the transition is not allowed. */
export function mappedStatus(mapping: Entity, jiraStatus: string): AktoStatus | { refused: string } {
  const statuses = mapping.statuses;
  if (
    Array.isArray(statuses) &&
    statuses.length > 0 &&
    !statuses.some((s: Entity) => same(s.name, jiraStatus))
  )
    return { refused: `'${jiraStatus}' is not a status of the project's workflow` };
  const mappings = ((mapping.biDirectionalSyncSettings as Entity).aktoStatusMappings ?? {}) as Record<
    string,
    unknown
  >;
  const targets = AKTO_STATUSES.filter((akto) => {
    const names = mappings[akto];
    return Array.isArray(names) && names.some((name) => same(name, jiraStatus));
  });
  if (targets.length === 0) return { refused: `'${jiraStatus}' maps to no Akto status` };
  if (targets.length > 1) return { refused: `'${jiraStatus}' maps to several Akto statuses` };
  return targets[0];
}

function applyTicket(
  host: SyncHost,
  state: SyncState,
  ticket: Entity,
  mapping: Entity,
  at: number,
): TicketChange {
  const ticketKey = String(ticket.jiraTicketKey);
  const jiraStatus = String(ticket.jiraStatus);
  const base = { ticketKey, jiraStatus };
  const fault = state.faults[ticketKey];
  if (fault !== undefined) {
    delete state.faults[ticketKey];
    return { ...base, outcome: 'ERROR', message: fault };
  }
  const issues = host.resourceNamed(TESTING_ISSUES);
  const issue = findTestingIssue(host, ticket.testingIssuesId);
  if (!issues || !issue) return { ...base, outcome: 'ERROR', message: 'The linked Akto issue was not found' };
  const target = mappedStatus(mapping, jiraStatus);
  if (typeof target !== 'string') return { ...base, outcome: 'NOT_ALLOWED', message: target.refused };
  const from = String(issue.testRunIssueStatus);
  if (from === target) return { ...base, outcome: 'UNCHANGED', from, to: target };
  const updated = { ...issue, testRunIssueStatus: target, lastUpdated: at, ticketLastUpdatedAt: at };
  issues.collection.put(issues.keyOf(updated), updated);
  return { ...base, outcome: 'UPDATED', from, to: target };
}

function syncProject(
  host: SyncHost,
  state: SyncState,
  projId: string,
  mapping: Entity,
  at: number,
): ProjectRun {
  const since = state.lastSuccessfulSync[projId] ?? at;
  const changed = (host.resourceNamed('jiraTickets')?.collection.list() ?? []).filter(
    (t) =>
      t.projId === projId &&
      t.testingIssuesId != null &&
      typeof t.jiraUpdatedTs === 'number' &&
      t.jiraUpdatedTs > since &&
      t.jiraUpdatedTs <= at,
  );
  const changes = changed.map((ticket) => applyTicket(host, state, ticket, mapping, at));
  state.lastSuccessfulSync[projId] = at;
  return { projId, since: isoOf(since), changes };
}

/** One run of the sync job at `at` (epoch seconds); none when no project has sync on. */
export function runSync(host: SyncHost, at: number, trigger: SyncRun['trigger']): SyncRun | undefined {
  const projects = enabledProjects(host.resourceNamed('jiraIntegration')?.find(undefined));
  if (projects.length === 0) return undefined;
  const state = readSyncState(host.store);
  state.runCount += 1;
  const run: SyncRun = { run: state.runCount, ranAt: isoOf(at), trigger, status: 'SUCCESS', projects: [] };
  if (trigger === 'schedule' && state.pendingOutages > 0) {
    state.pendingOutages -= 1;
    run.status = 'FAILED';
    run.message = 'The sync job failed (simulated outage); the next successful run catches up.';
  } else {
    run.projects = projects.map(([projId, mapping]) => syncProject(host, state, projId, mapping, at));
  }
  state.runs.push(run);
  writeSyncState(host.store, state);
  return run;
}

/** A clock jump of years would mean thousands of runs; older runs than these would have found nothing new. */
const MAX_RUNS_PER_ADVANCE = 1000;

/**
 * The job runs at every full hour of the virtual clock: once for each hour boundary the clock passed.
 * Nothing changes in Jira while the clock jumps, so skipping the oldest runs of a very long jump gives the
 * same statuses (only the last successful sync counts).
 */
export function runScheduledSyncs(host: SyncHost, fromMs: number, toMs: number): void {
  const intervalMs = SYNC_INTERVAL_S * 1000;
  const last = Math.floor(toMs / intervalMs);
  const first = Math.max(Math.floor(fromMs / intervalMs) + 1, last - MAX_RUNS_PER_ADVANCE + 1);
  for (let slot = first; slot <= last; slot++) runSync(host, slot * SYNC_INTERVAL_S, 'schedule');
}

/** When the next scheduled run happens. */
export function nextRunAt(host: SyncHost): string {
  const now = host.clock.now() / 1000;
  return isoOf((Math.floor(now / SYNC_INTERVAL_S) + 1) * SYNC_INTERVAL_S);
}
