import type { PlainResponse } from '../../http';
import type { Entity } from '../../state';
import { nextRunAt, runSync } from './behaviours/jira-sync';
import {
  enabledProjects,
  isoOf,
  nowS,
  readSyncState,
  SYNC_INTERVAL_S,
  writeSyncState,
  type SyncHost,
} from './behaviours/jira-sync-state';
import type { AdminContext, AdminRoute } from '../../mock';

/**
 * Admin controls of the Jira bi-directional sync, under /__secmock/akto/jira/:
 * - `POST tickets/status {ticketKey, status, failNextSync?}`: a change made in Jira (stamped with the clock);
 *   `failNextSync` makes the next sync meet an error on that ticket (logged and skipped).
 * - `GET sync`: interval, next run, each project's last successful sync, and the recent runs.
 * - `POST sync`: runs the sync now. `POST sync/outage {runs}`: the next scheduled runs fail.
 * Time moves with the built-in `POST /__secmock/clock {advanceMs}`; the sync runs at each full hour passed.
 */
const json = (status: number, body: unknown): PlainResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});

const field = (body: unknown, name: string): unknown =>
  body !== null && typeof body === 'object' ? (body as Entity)[name] : undefined;

const setTicketStatus: AdminRoute = (_request, body, ctx) => {
  const ticketKey = field(body, 'ticketKey');
  const status = field(body, 'status');
  if (typeof ticketKey !== 'string' || typeof status !== 'string' || status.trim() === '')
    return json(400, {
      error: 'give { ticketKey: "<PROJECT>-<n>", status: "<Jira status>", failNextSync?: true }',
    });
  const tickets = ctx.resourceNamed('jiraTickets');
  const ticket = tickets?.find(ticketKey);
  if (!tickets || !ticket) return json(404, { error: `no Jira ticket '${ticketKey}'` });
  // A change is a write: one second later than anything before it, so no sync can have seen it yet.
  ctx.clock.advance();
  const changed = { ...ticket, jiraStatus: status, jiraUpdatedTs: nowS(ctx) };
  tickets.collection.put(ticketKey, changed);
  if (field(body, 'failNextSync') === true) {
    const state = readSyncState(ctx.store);
    state.faults[ticketKey] = `Jira answered 500 while reading ${ticketKey} (simulated error)`;
    writeSyncState(ctx.store, state);
  }
  return json(200, { ticket: changed });
};

function syncStatus(ctx: SyncHost) {
  const state = readSyncState(ctx.store);
  const enabled = new Set(
    enabledProjects(ctx.resourceNamed('jiraIntegration')?.find(undefined)).map(([p]) => p),
  );
  const projects = Object.entries(state.lastSuccessfulSync).map(([projId, at]) => ({
    projId,
    enabled: enabled.has(projId),
    lastSuccessfulSyncAt: isoOf(at),
  }));
  return {
    intervalSeconds: SYNC_INTERVAL_S,
    clock: isoOf(nowS(ctx)),
    nextRunAt: nextRunAt(ctx),
    pendingOutages: state.pendingOutages,
    projects,
    runs: state.runs,
  };
}

const runSyncNow: AdminRoute = (_request, _body, ctx) => {
  const run = runSync(ctx, nowS(ctx), 'manual');
  return json(
    200,
    run ? { run } : { run: null, message: 'No Jira project has bi-directional sync enabled.' },
  );
};

const scheduleOutage: AdminRoute = (_request, body, ctx) => {
  const runs = Number(field(body, 'runs') ?? 1);
  if (!Number.isInteger(runs) || runs < 0)
    return json(400, { error: 'give { runs: <non-negative integer> }' });
  const state = readSyncState(ctx.store);
  state.pendingOutages = runs;
  writeSyncState(ctx.store, state);
  return json(200, { pendingOutages: runs });
};

export const jiraAdminRoutes: Record<string, AdminRoute> = {
  'POST akto/jira/tickets/status': setTicketStatus,
  'GET akto/jira/sync': (_request, _body, ctx: AdminContext) => json(200, syncStatus(ctx)),
  'POST akto/jira/sync': runSyncNow,
  'POST akto/jira/sync/outage': scheduleOutage,
};
