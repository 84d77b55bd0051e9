import type { Aggregate, Operation, SpecModel } from '../../openapi';
import { makeCase, minimalBody } from '../plan/cases';
import { validParts } from '../plan/request-parts';
import type { Probe } from '../types';
import type { RunSession } from './session';

/**
 * One declared aggregate: its total's operation asked once, then each part's operation asked the same,
 * each part's answer judged against the total's (aggregates_agree reads it from the history).
 */
export async function runAggregate(
  session: RunSession,
  spec: SpecModel,
  aggregate: Aggregate,
  planned: readonly Operation[],
): Promise<void> {
  const find = (id: string) => planned.find((op) => op.operationId === id);
  const totalOperation = find(aggregate.total.operationId);
  if (!totalOperation) return;
  const ctx = session.context(spec, 'aggregate', aggregate.name);
  const request = (operation: Operation) =>
    validParts(operation, ctx.faker, ctx.now, aggregate.body ?? minimalBody(operation, ctx));
  const total = await session.execute(
    makeCase(totalOperation, ctx, 'probe', `aggregate total: ${aggregate.name}`, request(totalOperation), {
      kind: 'accept',
      strict: false,
    }),
  );
  for (const part of aggregate.parts) {
    const operation = find(part.operationId);
    if (!operation) continue;
    const probe: Probe = {
      is: 'aggregate',
      name: aggregate.name,
      totalOperation: totalOperation.operationId,
      totalAt: aggregate.total.at,
      partAt: part.at,
    };
    const label = `aggregate part: ${aggregate.name}`;
    await session.execute(
      makeCase(operation, ctx, 'probe', label, request(operation), { kind: 'probe', probe }),
      [total],
    );
  }
}
