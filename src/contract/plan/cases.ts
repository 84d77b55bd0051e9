import type { Faker } from '@faker-js/faker';
import { generateFromSchema } from '../../generate';
import type { Operation, SpecModel } from '../../openapi';
import type { SchemaCompiler } from '../../schema';
import type { CredentialBook } from './credentials';
import { refusalStatuses } from './expectations';
import { negativeVariants } from './negatives';
import { jsonMedia, toRequest, validParts, withKey, type RequestParts } from './request-parts';
import type { CaseKind, Expectation, TestCase } from '../types';

export interface PlanContext {
  spec: SpecModel;
  book: CredentialBook;
  validators: SchemaCompiler;
  faker: Faker;
  now: number;
  nextId(): number;
  /** The value that identifies a stored entity of the operation's resource, in the field the operation
   * looks it up by, when one is known (from fixtures, lists or chains). */
  knownKey(operation: Operation): unknown;
  /** The parts with the run's token in the values the vendor keeps unique (plan/unique.ts). */
  unique(operation: Operation, parts: RequestParts): RequestParts;
}

/** A valid body: the documented examples, then one generated from the schema (checked against it). */
export function validBodies(
  operation: Operation,
  ctx: PlanContext,
): Array<{ label: string; kind: CaseKind; body: unknown }> {
  const media = jsonMedia(operation);
  if (!media) return [{ label: 'valid request', kind: 'generated', body: undefined }];
  const bodies: Array<{ label: string; kind: CaseKind; body: unknown }> = media.examples.map((e) => ({
    label: `example '${e.name}'`,
    kind: 'example' as const,
    body: e.value,
  }));
  if (media.schema) {
    const generated = generateFromSchema(media.schema, { faker: ctx.faker, now: ctx.now, maxDepth: 4 });
    if (ctx.validators.compile(media.schema, 'body')(generated).length === 0)
      bodies.push({ label: 'generated valid body', kind: 'generated', body: generated });
  }
  return bodies;
}

/**
 * The smallest valid body: the required fields only (a probe adds the one value it tests, and optional
 * filters generated at random would narrow a list to nothing). Falls back to the first valid body.
 */
export function minimalBody(operation: Operation, ctx: PlanContext): unknown {
  const media = jsonMedia(operation);
  if (!media?.schema) return validBodies(operation, ctx)[0]?.body;
  const body = generateFromSchema(media.schema, { faker: ctx.faker, now: ctx.now, maxDepth: 0 });
  if (ctx.validators.compile(media.schema, 'body')(body).length === 0) return body;
  return validBodies(operation, ctx)[0]?.body;
}

/**
 * A positive case is strict (a refusal is a finding) only when the annotations let the verifier reason
 * about it: an annotated action, nothing it `requires`, its key known when it needs one, and no key the
 * client chooses (an earlier run may have taken it). A vendor behaviour may add business rules the spec
 * cannot state (a unique name), so only its freshly generated requests are strict, never its fixed examples.
 */
function isStrict(operation: Operation, key: unknown, clientKeys: boolean, kind: CaseKind): boolean {
  const { action, behaviour, requires, id } = operation.mock;
  if (!action || requires.length > 0 || (behaviour && kind !== 'generated')) return false;
  if (action === 'create' || action === 'upsert') return !id && !clientKeys;
  return action === 'list' || key !== undefined;
}

export function positiveCases(operation: Operation, ctx: PlanContext): TestCase[] {
  const key = ctx.knownKey(operation);
  const resource = ctx.spec.resources.find((r) => r.name === operation.mock.resource);
  // Deleting the known entity twice would make the second, equally valid request a legitimate 404.
  const bodies =
    operation.mock.action === 'delete'
      ? validBodies(operation, ctx).slice(0, 1)
      : validBodies(operation, ctx);
  return bodies.map(({ label, kind, body }) => {
    const valid = withKey(operation, validParts(operation, ctx.faker, ctx.now, body), key);
    // A documented example is sent as documented; a generated body gets the run's unique values.
    const parts = kind === 'generated' ? ctx.unique(operation, valid) : valid;
    const strict = isStrict(operation, key, resource?.id.kind === 'client', kind);
    return makeCase(operation, ctx, kind, label, parts, { kind: 'accept', strict });
  });
}

export function negativeCases(operation: Operation, ctx: PlanContext, base: RequestParts): TestCase[] {
  const statuses = refusalStatuses(ctx.spec, operation, 'validation');
  return negativeVariants(operation, base, ctx.validators).map((variant) =>
    makeCase(operation, ctx, 'negative', variant.label, variant.parts, {
      kind: 'refuse',
      because: 'invalid',
      statuses,
    }),
  );
}

export function authCases(operation: Operation, ctx: PlanContext, base: RequestParts): TestCase[] {
  const alternative = ctx.book.alternativeFor(operation);
  if (operation.security.length === 0 || !alternative || alternative.length === 0) return [];
  const unauthenticated = refusalStatuses(ctx.spec, operation, 'unauthorized');
  const cases = [
    makeCase(
      operation,
      ctx,
      'auth',
      'no credentials',
      base,
      { kind: 'refuse', because: 'unauthenticated', statuses: unauthenticated },
      'none',
    ),
    makeCase(
      operation,
      ctx,
      'auth',
      'wrong credentials',
      base,
      { kind: 'refuse', because: 'unauthenticated', statuses: unauthenticated },
      {
        scheme: alternative[0].scheme,
        value: 'secmock-verifier-wrong-credential',
      },
    ),
  ];
  const limited = ctx.book.underScoped(operation);
  if (limited) {
    cases.push(
      makeCase(
        operation,
        ctx,
        'auth',
        `credential without scope ${limited.missing}`,
        base,
        { kind: 'refuse', because: 'forbidden', statuses: refusalStatuses(ctx.spec, operation, 'forbidden') },
        {
          scheme: limited.scheme.name,
          value: limited.value,
        },
      ),
    );
  }
  return cases;
}

export function makeCase(
  operation: Operation,
  ctx: Pick<PlanContext, 'spec' | 'book' | 'nextId'>,
  kind: CaseKind,
  label: string,
  parts: RequestParts,
  expect: Expectation,
  credentials: Parameters<typeof toRequest>[3] = 'valid',
): TestCase {
  const request = toRequest(operation, parts, ctx.book, credentials);
  const secrets = ctx.book.secrets();
  const testCase: TestCase = {
    id: ctx.nextId(),
    spec: ctx.spec,
    operation,
    kind,
    label,
    request,
    expect,
    secrets,
  };
  if (parts.key !== undefined) testCase.key = parts.key;
  return testCase;
}
