import {
  itemsPointer,
  resolvePointer,
  type Operation,
  type ResourceSpec,
  type SecuritySchemeSpec,
  type SpecModel,
} from '../../openapi';
import { authCases, makeCase, negativeCases, positiveCases, validBodies } from '../plan/cases';
import { validParts, withKey } from '../plan/request-parts';
import type { SetupStep } from '../schedule';
import type { CaseResponse } from '../types';
import type { RunSession } from './session';

/** Logs in with the operation that mints the scheme's credential, and keeps the credential it answers. */
export async function runLogin(
  session: RunSession,
  spec: SpecModel,
  scheme: SecuritySchemeSpec,
  operation: Operation,
): Promise<void> {
  const ctx = session.context(spec, 'login');
  const body = validBodies(operation, ctx)[0]?.body;
  const parts = validParts(operation, ctx.faker, ctx.now, body);
  const response = await session.execute(
    makeCase(operation, ctx, 'setup', `log in for ${scheme.name}`, parts, { kind: 'accept', strict: true }),
  );
  const value = resolvePointer(response.body, [scheme.issuedBy?.field ?? '']);
  if (typeof value === 'string') session.book.set(scheme.name, value);
}

/** Lists the resource and remembers its first entity, so that by-id operations address one that exists. */
export async function runDiscover(
  session: RunSession,
  spec: SpecModel,
  resource: ResourceSpec,
  list: Operation,
): Promise<void> {
  const ctx = session.context(spec, 'discover', resource.name);
  const parts = validParts(list, ctx.faker, ctx.now, validBodies(list, ctx)[0]?.body);
  const response = await session.execute(
    makeCase(list, ctx, 'generated', `discover ${resource.name}`, parts, {
      kind: 'accept',
      strict: !list.mock.behaviour,
    }),
  );
  const found = resolvePointer(response.body, itemsPointer(list) ?? []);
  const first = Array.isArray(found) ? (found[0] as Record<string, unknown> | undefined) : undefined;
  if (resource.key && first?.[resource.key] !== undefined) session.learn(spec, resource.name, first);
}

/** Configures what an operation `requires` (a Jira integration before Jira tickets). */
export async function runSetup(session: RunSession, spec: SpecModel, setup: SetupStep[]): Promise<void> {
  for (const { resource, operation } of setup) {
    const ctx = session.context(spec, 'setup', resource);
    const body = validBodies(operation, ctx)[0]?.body;
    const parts = validParts(operation, ctx.faker, ctx.now, body);
    await session.execute(
      makeCase(operation, ctx, 'setup', `configure ${resource}`, parts, { kind: 'accept', strict: false }),
    );
  }
}

/**
 * One operation's cases: positives (examples, a generated body), then negatives and auth cases. Returns
 * the positives' answers: whether the operation could be used at all.
 */
export async function runOperation(
  session: RunSession,
  spec: SpecModel,
  operation: Operation,
): Promise<CaseResponse[]> {
  const ctx = session.context(spec, operation.operationId);
  const positives = positiveCases(operation, ctx);
  const answers: CaseResponse[] = [];
  for (const testCase of positives) answers.push(await session.execute(testCase));
  if (positives.length === 0) return answers;
  // The valid request that negative and auth cases start from.
  const body = validBodies(operation, ctx)[0]?.body;
  const base = withKey(
    operation,
    validParts(operation, ctx.faker, ctx.now, body),
    session.knownKey(spec, operation),
  );
  for (const testCase of [...negativeCases(operation, ctx, base), ...authCases(operation, ctx, base)])
    await session.execute(testCase);
  return answers;
}
