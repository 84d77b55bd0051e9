import type { FixedValidator, SchemaError as ErrorObject } from '../schema';
import { loadOasValidator } from './oas-validator';
import { parsePointer } from './pointer';
import type { ParsedFile } from './parse-file';
import type { SpecProblem } from './problems';

let validateOas31: FixedValidator | undefined;

/** Checks a document against the official OpenAPI 3.1 JSON Schema. */
export function checkOpenApiSchema(parsed: ParsedFile): SpecProblem[] {
  const doc = parsed.data as { openapi?: unknown };
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) {
    return [
      {
        file: parsed.file,
        pointer: '/openapi',
        line: parsed.lineOf(['openapi']),
        message: `secmock reads OpenAPI 3.1 documents; this one declares openapi: ${JSON.stringify(doc.openapi ?? null)}`,
        severity: 'error',
      },
    ];
  }
  validateOas31 ??= loadOasValidator();
  const errors = validateOas31(parsed.data);
  if (errors.length === 0) return [];
  return keepMostSpecific(errors).map((error) => ({
    file: parsed.file,
    pointer: error.instancePath,
    line: parsed.lineOf(parsePointer(error.instancePath)),
    message: describeSchemaError(error),
    severity: 'error' as const,
  }));
}

/**
 * The OpenAPI schema is full of oneOf/anyOf/if-then branches, so one mistake yields a cascade of errors
 * at the same or enclosing locations. Keep only the deepest locations, one message per location.
 */
function keepMostSpecific(errors: ErrorObject[]): ErrorObject[] {
  const structural = new Set(['anyOf', 'oneOf', 'if', 'then', 'else', '$ref', 'not']);
  const useful = errors.filter((e) => !structural.has(e.keyword));
  const candidates = useful.length > 0 ? useful : errors;
  const deepest = candidates.filter(
    (e) => !candidates.some((other) => other.instancePath.startsWith(`${e.instancePath}/`)),
  );
  const seen = new Set<string>();
  return deepest.filter((e) => {
    const key = `${e.instancePath}|${describeSchemaError(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'unevaluatedProperties' || error.keyword === 'additionalProperties') {
    const name = params.unevaluatedProperty ?? params.additionalProperty;
    return `unknown property '${String(name)}' (not allowed by OpenAPI 3.1 here)`;
  }
  if (error.keyword === 'required') return `missing required property '${String(params.missingProperty)}'`;
  return error.message ?? `fails OpenAPI 3.1 rule '${error.keyword}'`;
}
