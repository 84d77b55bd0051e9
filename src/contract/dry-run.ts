import { createFaker, hashSeed } from '../generate';
import type { Operation } from '../openapi';
import { SchemaCompiler } from '../schema';
import { authCases, negativeCases, positiveCases, validBodies, type PlanContext } from './plan/cases';
import type { CredentialBook } from './plan/credentials';
import { validParts } from './plan/request-parts';
import type { Schedule, SetupStep, Step } from './schedule';

/** The schedule a run would execute, a line per step, without sending anything (`verify --dry-run`). */
export function describeSchedule(schedule: Schedule, book: CredentialBook, seed: number): string[] {
  const validators = new SchemaCompiler();
  let id = 1;
  return schedule.specs.flatMap(({ spec, operations, steps }) => {
    const ctx: PlanContext = {
      spec,
      book,
      validators,
      faker: createFaker(hashSeed(seed, spec.id)),
      now: Date.parse('2025-09-09T18:00:00Z'),
      nextId: () => id++,
      knownKey: () => undefined,
      unique: (_operation, parts) => parts,
    };
    return [`${spec.id} (${operations} operations)`, ...steps.map((step) => `  ${describeStep(step, ctx)}`)];
  });
}

function describeStep(step: Step, ctx: PlanContext): string {
  switch (step.kind) {
    case 'login':
      return `login ${step.scheme.name} with ${step.operation.operationId}`;
    case 'discover':
      return `discover ${step.resource.name} with ${step.operation.operationId}`;
    case 'chain':
      return `chain ${step.chain.resource.name}: ${step.chain.links.map((l) => l.label).join(' -> ')}${setup(step.setup)}`;
    case 'skip':
      return `${head(step.operation)}: skipped, ${step.reason}`;
    case 'operation': {
      const { operation } = step;
      const base = validParts(operation, ctx.faker, ctx.now, validBodies(operation, ctx)[0]?.body);
      const positives = positiveCases(operation, ctx).length;
      const negatives = negativeCases(operation, ctx, base).length;
      const auth = authCases(operation, ctx, base).length;
      const probes = plannedProbes(operation, step.readOnly);
      const probing = probes.length === 0 ? '' : `; probes: ${probes.join(', ')}`;
      return `${head(operation)}: ${positives} positive, ${negatives} negative, ${auth} auth${probing}${setup(step.setup)}`;
    }
    case 'aggregate': {
      const { name, total, parts } = step.aggregate;
      return `aggregate ${name}: ${parts.map((p) => p.operationId).join(', ')} against ${total.operationId}`;
    }
    case 'cleanup':
      return step.keep ? 'keep what the run created (--keep-data)' : 'clean up: delete what the run created';
  }
}

/** The behavioural probes run/probes.ts sends after an operation's cases. */
function plannedProbes(operation: Operation, readOnly: boolean): string[] {
  const { action, page, filters, window, id } = operation.mock;
  if (action === 'list')
    return [
      ...(page?.limit ? ['pages'] : []),
      ...filters.map((f) => `filter ${f.param.in}.${f.param.path.join('.')}`),
      ...(window ? ['time window'] : []),
    ];
  const byId =
    !operation.mock.answersAnyId &&
    (action === 'read' || (!readOnly && (action === 'update' || action === 'delete')));
  return byId && id ? ['unknown id'] : [];
}

function head(operation: { method: string; path: string; operationId: string }): string {
  return `${operation.method.toUpperCase().padEnd(6)} ${operation.path} (${operation.operationId})`;
}

function setup(steps: SetupStep[]): string {
  return steps.length === 0 ? '' : ` (after configuring ${steps.map((s) => s.resource).join(', ')})`;
}
