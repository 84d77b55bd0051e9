import { formatLocation, type Operation, type RequestLocation } from '../openapi';
import { hasValue, sentValue } from './sent-request';
import type {
  CaseRequest,
  CaseResponse,
  Coverage,
  CoverageCount,
  CoverageTally,
  OperationCoverage,
  PlannedOperation,
  RunEvent,
} from './types';

interface Sent {
  request: CaseRequest;
  response: CaseResponse;
}

/**
 * API coverage of a run, folded from its events: of the operations the run was asked to verify (the 'start'
 * event's `operations`), which had a case, which of their documented statuses some answer had, which of
 * their declared list filters and page parameters some request sent with a value. Cases of operations that
 * were not planned (a login, the setup of what an operation requires) count nowhere here.
 *
 * What an operation declares is read from its model, which only cases carry. A planned operation that had
 * no case (skipped by --read-only, or never reached) is looked up in the model of any case of its spec; when
 * no case of its spec was sent at all, it counts as not exercised, its statuses, filters and paging count
 * neither as covered nor as declared (they are unknown), and the tally says so in `undetailed`.
 */
export function foldCoverage(events: readonly RunEvent[]): Coverage {
  const start = events.find((e) => e.type === 'start');
  const planned = start?.type === 'start' ? start.operations : [];
  const sent = new Map<string, Sent[]>();
  const models = new Map<string, Operation>();
  const specModels = new Map<string, Operation[]>();
  for (const event of events) {
    if (event.type !== 'case') continue;
    const { spec, operation, request } = event.testCase;
    const key = keyOf(spec.id, operation.operationId);
    if (!sent.has(key)) sent.set(key, []);
    sent.get(key)?.push({ request, response: event.response });
    models.set(key, operation);
    if (!specModels.has(spec.id)) specModels.set(spec.id, spec.operations);
  }
  // A case's own operation first; else the operation as the model of another case of its spec knows it.
  const modelOf = (op: PlannedOperation) =>
    models.get(keyOf(op.spec, op.operationId)) ??
    specModels.get(op.spec)?.find((candidate) => candidate.operationId === op.operationId);
  const operations = planned.map((op) =>
    coverageOf(op, modelOf(op), sent.get(keyOf(op.spec, op.operationId)) ?? []),
  );
  const specIds = [...new Set(planned.map((op) => op.spec))];
  return {
    specs: specIds.map((id) => ({ id, ...tally(operations.filter((op) => op.spec === id)) })),
    total: tally(operations),
    operations,
  };
}

const keyOf = (spec: string, operationId: string) => `${spec}/${operationId}`;

function coverageOf(op: PlannedOperation, model: Operation | undefined, sent: Sent[]): OperationCoverage {
  const coverage: OperationCoverage = { ...op, exercised: sent.length > 0 };
  if (!model) return coverage;
  const documented = documentedStatuses(model);
  const observed = new Set(sent.map((s) => documentedAs(documented, s.response)));
  const exercised = (locations: RequestLocation[]) =>
    locations
      .filter((location) => sent.some((s) => hasValue(sentValue(s.request, model.path, location))))
      .map(formatLocation);
  const { filters, page } = model.mock;
  const paging = [page?.offset, page?.limit].filter((l): l is RequestLocation => l !== undefined);
  coverage.detail = {
    statuses: { documented, observed: documented.filter((status) => observed.has(status)) },
    filters: {
      declared: filters.map((f) => formatLocation(f.param)),
      exercised: exercised(filters.map((f) => f.param)),
    },
    paging: { declared: paging.map(formatLocation), exercised: exercised(paging) },
  };
  return coverage;
}

/** Numeric statuses and ranges (`4XX`), once each; `default` documents no status of its own. */
function documentedStatuses(operation: Operation): string[] {
  const statuses = operation.responses.map((r) => r.status.toUpperCase());
  return [...new Set(statuses.filter((status) => /^[1-5](\d\d|XX)$/.test(status)))];
}

/** The documented status an answer counts for: its own when documented, else its range. */
function documentedAs(documented: string[], response: CaseResponse): string | undefined {
  if (response.transportError !== undefined || response.status === 0) return undefined;
  const exact = String(response.status);
  const range = `${exact[0]}XX`;
  return documented.includes(exact) ? exact : documented.includes(range) ? range : undefined;
}

function tally(operations: OperationCoverage[]): CoverageTally {
  return {
    operations: count(operations.filter((op) => op.exercised).length, operations.length),
    statuses: sumOf(operations, (d) => [d.statuses.observed, d.statuses.documented]),
    filters: sumOf(operations, (d) => [d.filters.exercised, d.filters.declared]),
    paging: sumOf(operations, (d) => [d.paging.exercised, d.paging.declared]),
    undetailed: operations.filter((op) => !op.detail).length,
  };
}

type Detail = NonNullable<OperationCoverage['detail']>;

function sumOf(operations: OperationCoverage[], pick: (d: Detail) => [string[], string[]]): CoverageCount {
  let covered = 0;
  let total = 0;
  for (const { detail } of operations) {
    if (!detail) continue;
    const [done, declared] = pick(detail);
    covered += done.length;
    total += declared.length;
  }
  return count(covered, total);
}

/** A percentage that never rounds a gap away: 199 of 200 is 99 %, 1 of 1000 is 1 %. */
export function count(covered: number, total: number): CoverageCount {
  if (total === 0) return { covered, total, percent: null };
  const exact = (100 * covered) / total;
  const percent = covered === total ? 100 : covered === 0 ? 0 : Math.min(99, Math.max(1, Math.round(exact)));
  return { covered, total, percent };
}
