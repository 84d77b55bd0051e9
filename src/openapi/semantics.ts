import { checkOperationAnnotation } from './annotations';
import { rawAccepts } from './flatten';
import { buildAcceptance } from './vendor-acceptance';
import type { ErrorEnvelopes, ErrorKind, Operation, ResourceSpec, SecuritySchemeSpec } from './model';
import { documentsStatus, successStatus } from './status';
import { TEMPLATE_FILTERS, unknownFilters } from './templates';
import type { SpecProblem } from './problems';

type Problem = Omit<SpecProblem, 'file'>;

export interface SemanticInput {
  operations: Operation[];
  rawOperations: Map<Operation, object>;
  resources: ResourceSpec[];
  schemes: SecuritySchemeSpec[];
  errors: ErrorEnvelopes;
  /** The spec declares a rate limit: every authenticated operation must document its refusal. */
  rateLimited?: boolean;
}

/** Checks a machine can make beyond the OpenAPI schema: identities, references, and documented statuses. */
export function checkSemantics(input: SemanticInput): Problem[] {
  const problems: Problem[] = [];
  const seenIds = new Map<string, Operation>();
  for (const op of input.operations) {
    const raw = input.rawOperations.get(op) as { operationId?: string; 'x-secmock'?: unknown } | undefined;
    if (!raw?.operationId) problems.push(error(op.pointer, 'operation has no operationId'));
    else if (seenIds.has(op.operationId)) {
      problems.push(error(`${op.pointer}/operationId`, `operationId '${op.operationId}' is used twice`));
    } else seenIds.set(op.operationId, op);
    problems.push(...checkPathParameters(op));
    problems.push(...checkSecurity(op, input.schemes));
    if (raw?.['x-secmock'] !== undefined) {
      for (const issue of checkOperationAnnotation(raw['x-secmock'])) {
        problems.push(error(`${op.pointer}/x-secmock${issue.pointer}`, issue.message));
      }
    }
    problems.push(...checkAnnotationMeaning(op, input.resources));
    problems.push(...checkAcceptance(op, raw));
    problems.push(...checkTemplates(op, input.errors));
    problems.push(...checkDocumentedStatuses(op, input.errors, input.resources, input.rateLimited === true));
  }
  for (const scheme of input.schemes) {
    if (scheme.issuedBy && !seenIds.has(scheme.issuedBy.operationId)) {
      problems.push(
        error(
          `/components/securitySchemes/${scheme.name}/x-secmock/issuedBy`,
          `issuedBy names operation '${scheme.issuedBy.operationId}', which does not exist`,
        ),
      );
    }
  }
  return problems;
}

/** Every place `accepts` relaxes must be a place of the operation's request. */
function checkAcceptance(op: Operation, raw: object | undefined): Problem[] {
  const accepts = raw && rawAccepts(raw);
  if (!accepts) return [];
  return buildAcceptance(op, accepts).issues.map((issue) =>
    error(`${op.pointer}/x-secmock/accepts${issue.pointer}`, issue.message),
  );
}

/** Every template an operation answers with may only name filters that exist. */
function checkTemplates(op: Operation, rootErrors: ErrorEnvelopes): Problem[] {
  const entity = op.mock.entity && 'template' in op.mock.entity ? op.mock.entity.template : undefined;
  const errorBodies = Object.values({ ...rootErrors, ...op.mock.errors }).map((e) => e.body);
  return unknownFilters([op.mock.response, entity, ...errorBodies]).map((name) =>
    error(
      `${op.pointer}/x-secmock`,
      `template filter '|${name}' does not exist (known: ${TEMPLATE_FILTERS.join(', ')})`,
    ),
  );
}

function error(pointer: string, message: string): Problem {
  return { pointer, message, severity: 'error' };
}

function checkPathParameters(op: Operation): Problem[] {
  const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  return [
    ...inTemplate
      .filter((name) => !declared.includes(name))
      .map((name) => error(op.pointer, `path parameter '{${name}}' is not declared in parameters`)),
    ...declared
      .filter((name) => !inTemplate.includes(name))
      .map((name) => error(op.pointer, `path parameter '${name}' does not appear in the path`)),
  ];
}

function checkSecurity(op: Operation, schemes: SecuritySchemeSpec[]): Problem[] {
  const known = new Set(schemes.map((s) => s.name));
  return op.security
    .flat()
    .filter((r) => !known.has(r.scheme))
    .map((r) => error(`${op.pointer}/security`, `security scheme '${r.scheme}' is not defined`));
}

const NEEDS_ID = new Set(['read', 'update', 'delete', 'exists']);

function checkAnnotationMeaning(op: Operation, resources: ResourceSpec[]): Problem[] {
  const problems: Problem[] = [];
  const at = `${op.pointer}/x-secmock`;
  const { resource: name, action } = op.mock;
  if (successStatus(op) === undefined)
    problems.push(error(op.pointer, 'operation documents no 2xx response'));
  if (name === undefined) {
    if (action) problems.push(error(at, `action '${action}' needs a resource`));
    return problems;
  }
  const resource = resources.find((r) => r.name === name);
  if (!resource)
    return [
      ...problems,
      error(`${at}/resource`, `resource '${name}' is not declared in x-secmock.resources`),
    ];
  if (action && NEEDS_ID.has(action) && !resource.singleton && !op.mock.id) {
    problems.push(error(at, `action '${action}' on '${name}' needs 'id' (where the key comes from)`));
  }
  if (action === 'list' && resource.singleton)
    problems.push(error(at, `a singleton resource cannot be listed`));
  if (!resource.singleton && !resource.key) {
    problems.push(
      error(`/x-secmock/resources/${name}`, `resource '${name}' needs a key (or singleton: true)`),
    );
  }
  for (const required of op.mock.requires) {
    if (!resources.some((r) => r.name === required)) {
      problems.push(error(`${at}/requires`, `required resource '${required}' is not declared`));
    }
  }
  return problems;
}

/**
 * Whether the action can miss: a by-id read, update or delete of an id that is not stored, and a read or
 * update of a singleton that was never configured (deleting an empty singleton is not a miss).
 */
function findsStored(action: string, singleton: boolean): boolean {
  if (singleton) return action === 'read' || action === 'update';
  return NEEDS_ID.has(action) && action !== 'exists';
}

/** The mock must never answer a status the operation does not document. */
function checkDocumentedStatuses(
  op: Operation,
  rootErrors: ErrorEnvelopes,
  resources: ResourceSpec[],
  rateLimited: boolean,
): Problem[] {
  const errors = { ...rootErrors, ...op.mock.errors };
  const resource = resources.find((r) => r.name === op.mock.resource);
  const kinds: ErrorKind[] = [];
  if (op.parameters.length > 0 || op.requestBody) kinds.push('validation');
  if (op.security.length > 0 && op.security.every((alt) => alt.length > 0)) kinds.push('unauthorized');
  if (op.security.some((alt) => alt.some((r) => r.scopes.length > 0))) kinds.push('forbidden');
  if (resource && op.mock.action && findsStored(op.mock.action, resource.singleton)) kinds.push('notFound');
  if (resource?.id.kind === 'client' && op.mock.action === 'create') kinds.push('conflict');
  if (op.mock.requires.length > 0) kinds.push('precondition');
  // A declared rate limit is counted per credential: every authenticated operation may answer it.
  if (rateLimited && op.security.length > 0) kinds.push('rateLimited');
  return kinds
    .filter((kind) => !documentsStatus(op, errors[kind].status))
    .map((kind) =>
      error(
        `${op.pointer}/responses`,
        `the mock answers '${kind}' refusals with ${errors[kind].status}, which this operation does not document`,
      ),
    );
}
