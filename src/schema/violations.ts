import type { ErrorObject } from 'ajv';

/** One thing wrong with a value, with the JSON path of where it is. Validators return lists of these. */
export interface Violation {
  /** e.g. `body.incident_ids[0]`, `query.limit`, `header.authorization`. */
  path: string;
  message: string;
  keyword: string;
}

export function formatViolation(v: Violation): string {
  return `${v.path}: ${v.message}`;
}

/** `/incident_ids/0/name` under `body` -> `body.incident_ids[0].name` */
export function pointerToPath(root: string, pointer: string): string {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : `${path}.${token}`), root);
}

const COMBINATORS = new Set(['anyOf', 'oneOf']);

/**
 * Turns Ajv errors into violations a person can act on: the branch errors of a failed anyOf/oneOf are
 * folded into one violation (they describe alternatives, not faults), and duplicates are dropped.
 */
export function toViolations(root: string, errors: readonly ErrorObject[]): Violation[] {
  const failedCombinators = errors.filter((e) => COMBINATORS.has(e.keyword));
  const isBranchError = (e: ErrorObject) =>
    failedCombinators.some(
      (c) =>
        c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath.startsWith(c.instancePath),
    );
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || isBranchError(error)) continue;
    const violation = describe(root, error);
    const key = `${violation.path}|${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function describe(root: string, error: ErrorObject): Violation {
  const params = error.params as Record<string, unknown>;
  const at = (pointer: string, message: string): Violation => ({
    path: pointerToPath(root, pointer),
    message,
    keyword: error.keyword,
  });
  switch (error.keyword) {
    case 'required':
      return at(`${error.instancePath}/${String(params.missingProperty)}`, 'is required');
    case 'additionalProperties':
      return at(`${error.instancePath}/${String(params.additionalProperty)}`, 'is not allowed');
    case 'unevaluatedProperties':
      return at(`${error.instancePath}/${String(params.unevaluatedProperty)}`, 'is not allowed');
    case 'enum':
      return at(
        error.instancePath,
        `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      );
    case 'const':
      return at(error.instancePath, `must be ${JSON.stringify(params.allowedValue)}`);
    case 'type':
      return at(error.instancePath, `must be ${String(params.type).replace(/,/g, ' or ')}`);
    case 'format':
      return at(error.instancePath, `must be a valid ${String(params.format)}`);
    case 'anyOf':
    case 'oneOf':
      return at(error.instancePath, 'does not match any of the allowed forms');
    default:
      return at(error.instancePath, error.message ?? `fails '${error.keyword}'`);
  }
}
