import { ok, type BehaviourContext, type Outcome } from '../../../mock';
import { eventIndex, memoize, readWindow, windowEvents, windowKey } from './event-index';
import type { MaliciousEvent } from '../model';

/**
 * The events of a request's time window that pass its "one of" filters, memoised per store revision, window
 * and filters; and the windowed aggregates built on them (every aggregate of the same request describes the
 * same events, so they agree by construction).
 */
export interface WindowBody {
  startTs?: number;
  endTs?: number;
  /** Filter template ids: only their events count (the vendor matches them on `filterId`). */
  latestAttack?: string[] | null;
  /** Only events with this status count (fetchThreatCategoryCount and fetchCountBySeverity). */
  severityStatusFilter?: string | null;
}

/** A "one of" filter of the request: the values it lists, and the event field they are compared with. */
export interface Filter {
  values: string[] | null | undefined;
  valueOf: (event: MaliciousEvent) => string;
}

export const listed = (values: string[] | null | undefined): values is string[] =>
  Array.isArray(values) && values.length > 0;

/** The events of the window that pass the given "one of" filters, and the memo key that names them. */
export function filteredWindow(ctx: BehaviourContext, body: WindowBody, filters: Record<string, Filter>) {
  const index = eventIndex(ctx);
  const window = readWindow(body.startTs, body.endTs);
  const active = Object.entries(filters).filter(([, f]) => listed(f.values));
  const key = `${windowKey(window)}:${JSON.stringify(active.map(([name, f]) => [name, f.values]))}`;
  const events = memoize(index, `filtered:${key}`, () => {
    const tests = active.map(([, f]) => ({ wanted: new Set(f.values), valueOf: f.valueOf }));
    return windowEvents(index, window).filter((e) => tests.every((t) => t.wanted.has(t.valueOf(e))));
  });
  return { index, key, events };
}

/** A windowed aggregate over the events of `latestAttack` (and, for the counts, of `severityStatusFilter`). */
export function windowed<T>(
  compute: (events: MaliciousEvent[]) => T,
  wrap: (value: T) => unknown,
  options: { byStatus?: boolean } = {},
) {
  return (ctx: BehaviourContext): Outcome => {
    const body = (ctx.request.body ?? {}) as WindowBody;
    const status = options.byStatus && body.severityStatusFilter ? [body.severityStatusFilter] : null;
    const { index, key, events } = filteredWindow(ctx, body, {
      latestAttack: { values: body.latestAttack, valueOf: (e) => e.filterId },
      status: { values: status, valueOf: (e) => e.status },
    });
    return ok(wrap(memoize(index, `${ctx.operation.operationId}:${key}`, () => compute(events))));
  };
}
