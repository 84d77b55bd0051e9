import {
  itemsPointer,
  type Aggregate,
  type Operation,
  type ResourceSpec,
  type SecuritySchemeSpec,
  type SpecModel,
} from '../openapi';
import { planChain, type ChainPlan } from './plan/chain';
import type { CredentialBook } from './plan/credentials';
import { isMutating } from './plan/expectations';

/**
 * What a verifier run does, in order, decided before anything is sent: per spec, log in where a scheme's
 * credential is minted by an operation, discover stored keys, run each resource's chain, then verify each
 * operation (reads first, deletes last; its cases, then its behavioural probes), then check the declared
 * aggregates, and at the end delete what the run created. The runner executes exactly this and `--dry-run` prints it; the
 * cases inside a step are planned when it runs, because they use keys learnt from earlier answers.
 */
export interface Schedule {
  specs: SpecSchedule[];
}

export interface SpecSchedule {
  spec: SpecModel;
  operations: number;
  steps: Step[];
}

export type Step =
  | { kind: 'login'; scheme: SecuritySchemeSpec; operation: Operation }
  | { kind: 'discover'; resource: ResourceSpec; operation: Operation }
  | { kind: 'chain'; chain: ChainPlan; setup: SetupStep[] }
  | { kind: 'operation'; operation: Operation; setup: SetupStep[]; readOnly: boolean }
  | { kind: 'skip'; operation: Operation; reason: string }
  | { kind: 'aggregate'; aggregate: Aggregate; planned: Operation[] }
  | { kind: 'cleanup'; keep: boolean };

/** Configures a resource an operation `requires` (a Jira integration before Jira tickets). */
export interface SetupStep {
  resource: string;
  operation: Operation;
}

export interface ScheduleOptions {
  readOnly: boolean;
  /** Leave what the run created in place (--keep-data): the cleanup step only reports it. */
  keepData?: boolean;
  /** Knows which credentials were given: a scheme with one needs no login. */
  book: CredentialBook;
}

export function scheduleRun(
  specs: readonly SpecModel[],
  operations: readonly Operation[],
  options: ScheduleOptions,
): Schedule {
  const scheduled = specs.flatMap((spec) => {
    const planned = operations.filter((op) => op.specId === spec.id);
    return planned.length === 0 ? [] : [scheduleSpec(spec, planned, options)];
  });
  return { specs: scheduled };
}

function scheduleSpec(spec: SpecModel, planned: Operation[], options: ScheduleOptions): SpecSchedule {
  const steps: Step[] = [...logins(spec, options.book), ...discoveries(spec, planned)];
  if (!options.readOnly) {
    for (const resource of spec.resources) {
      const chain = planChain(resource, planned);
      if (chain) steps.push({ kind: 'chain', chain, setup: setupFor(spec, chain.links[0].operation) });
    }
  }
  for (const operation of orderForRun(planned)) {
    if (options.readOnly && isMutating(operation))
      steps.push({ kind: 'skip', operation, reason: 'mutating operation (--read-only)' });
    else {
      const setup = options.readOnly ? [] : setupFor(spec, operation);
      steps.push({ kind: 'operation', operation, setup, readOnly: options.readOnly });
    }
  }
  for (const aggregate of spec.aggregates) {
    if (planned.some((op) => op.operationId === aggregate.total.operationId))
      steps.push({ kind: 'aggregate', aggregate, planned });
  }
  if (!options.readOnly) steps.push({ kind: 'cleanup', keep: options.keepData ?? false });
  return { spec, operations: planned.length, steps };
}

/** Schemes whose credential a login operation mints (Lacework's token login), unless one was given. */
function logins(spec: SpecModel, book: CredentialBook): Step[] {
  return spec.securitySchemes.flatMap((scheme): Step[] => {
    if (!scheme.issuedBy || book.get(scheme.name) !== undefined) return [];
    const operation = spec.operations.find((op) => op.operationId === scheme.issuedBy?.operationId);
    return operation ? [{ kind: 'login', scheme, operation }] : [];
  });
}

/** Each resource's list, read first, so that by-id operations are tested on entities that exist. */
function discoveries(spec: SpecModel, planned: Operation[]): Step[] {
  return spec.resources.flatMap((resource): Step[] => {
    const list = planned.find((op) => op.mock.resource === resource.name && op.mock.action === 'list');
    return list && resource.key && itemsPointer(list)
      ? [{ kind: 'discover', resource, operation: list }]
      : [];
  });
}

function setupFor(spec: SpecModel, operation: Operation): SetupStep[] {
  return operation.mock.requires.flatMap((resource) => {
    const setup = spec.operations.find(
      (op) => op.mock.resource === resource && (op.mock.action === 'upsert' || op.mock.action === 'create'),
    );
    return setup ? [{ resource, operation: setup }] : [];
  });
}

/** Reads first, then writes, deletes last: a delete must not pull the ground from under later cases. */
export function orderForRun(operations: readonly Operation[]): Operation[] {
  const rank = (op: Operation) =>
    !isMutating(op) ? 0 : op.mock.action === 'delete' || op.method === 'delete' ? 2 : 1;
  return [...operations].sort((a, b) => rank(a) - rank(b));
}
