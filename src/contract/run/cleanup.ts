import type { Operation, ResourceSpec, SpecModel } from '../../openapi';
import { makeCase, minimalBody } from '../plan/cases';
import { validParts, withKey } from '../plan/request-parts';
import type { RunSession } from './session';

/**
 * Deletes what the run created and did not delete itself, so that a run leaves a shared environment as it
 * found it: one delete per entity, through the resource's delete operation (whether or not the run was
 * asked to verify it). The answers are not judged (the delete operation had its own cases); every entity
 * is reported as deleted, or kept with the reason. `keep` (--keep-data) only reports them.
 */
export async function cleanUp(session: RunSession, spec: SpecModel, keep: boolean): Promise<void> {
  for (const { resource, keys } of session.memory.leftovers(spec)) {
    const remove = deleteOperation(spec, resource);
    for (const key of keys) {
      const event = { type: 'cleanup' as const, spec: spec.id, resource: resource.name, key: String(key) };
      if (keep || !remove) {
        session.emit({
          ...event,
          outcome: 'kept',
          detail: keep ? '--keep-data' : 'the API has no delete for it',
        });
        continue;
      }
      const ctx = session.context(spec, 'cleanup', resource.name);
      const parts = withKey(remove, validParts(remove, ctx.faker, ctx.now, minimalBody(remove, ctx)), key);
      const testCase = makeCase(remove, ctx, 'cleanup', `clean up ${resource.name} ${String(key)}`, parts, {
        kind: 'accept',
        strict: false,
      });
      const response = await session.sendUnjudged(testCase);
      const deleted = !response.transportError && response.status >= 200 && response.status < 300;
      const failure = response.transportError ?? `answered ${response.status}`;
      session.emit({
        ...event,
        outcome: deleted ? 'deleted' : 'failed',
        ...(deleted ? {} : { detail: failure }),
      });
    }
  }
}

/** A delete that addresses one entity by its key. */
function deleteOperation(spec: SpecModel, resource: ResourceSpec): Operation | undefined {
  return spec.operations.find(
    (op) =>
      op.mock.resource === resource.name &&
      op.mock.action === 'delete' &&
      op.mock.id !== undefined &&
      (op.mock.by === undefined || op.mock.by === resource.key),
  );
}
