import { createFaker, hashSeed } from '../generate/seed';
import type { Operation, SpecModel } from '../openapi/model';
import { SchemaCompiler } from '../schema';
import { describeChain } from './plan/chains';
import { CredentialBook } from './plan/credentials';
import { isMutating } from './plan/expectations';
import { authCases, negativeCases, positiveCases, validBodies, type PlanContext } from './plan/cases';
import { validParts } from './plan/request-parts';
import { orderForRun } from './run/runner';

/** What a run would send, without sending anything: one line per operation, plus the chains. */
export function describePlan(
  specs: SpecModel[],
  operations: Operation[],
  options: { readOnly: boolean; seed: number },
): string[] {
  const lines: string[] = [];
  const validators = new SchemaCompiler();
  const book = new CredentialBook(specs);
  let id = 1;
  for (const spec of specs) {
    const planned = operations.filter((op) => op.specId === spec.id);
    if (planned.length === 0) continue;
    lines.push(`${spec.id} (${planned.length} operations)`);
    const ctx: PlanContext = {
      spec,
      book,
      validators,
      faker: createFaker(hashSeed(options.seed, spec.id)),
      now: Date.parse('2025-09-09T18:00:00Z'),
      nextId: () => id++,
      knownKey: () => undefined,
    };
    if (!options.readOnly) {
      for (const resource of spec.resources) {
        const steps = describeChain(resource, planned);
        if (steps.length > 0) lines.push(`  chain ${resource.name}: ${steps.join(' -> ')}`);
      }
    }
    for (const operation of orderForRun(planned)) {
      const head = `  ${operation.method.toUpperCase().padEnd(6)} ${operation.path} (${operation.operationId})`;
      if (options.readOnly && isMutating(operation)) {
        lines.push(`${head}: skipped (mutating, --read-only)`);
        continue;
      }
      const base = validParts(operation, ctx.faker, ctx.now, validBodies(operation, ctx)[0]?.body);
      const positives = positiveCases(operation, ctx).length;
      const negatives = negativeCases(operation, ctx, base).length;
      const auth = authCases(operation, ctx, base).length;
      lines.push(`${head}: ${positives} positive, ${negatives} negative, ${auth} auth`);
    }
  }
  return lines;
}
