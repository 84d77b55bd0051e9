import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixed, standaloneSource, wrapPrecompiled, type FixedValidator } from '../schema';

/**
 * The validator of the official OpenAPI 3.1 schema (as packaged by @seriousme/openapi-schema-validator,
 * which rewrites its $dynamicRef so that Ajv evaluates it correctly; only the JSON file is used).
 * Compiling it takes a fifth of a second, so `npm run build` saves the compiled code next to this module
 * (Ajv's standalone output) and a start-up loads that instead; from sources (tests) it is compiled. The
 * folder is named from its parent because the compiled code also runs bundled from dist/bundle/.
 */
export const GENERATED_MODULE = 'oas31-validator.generated.js';

function schema(): object {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@seriousme/openapi-schema-validator/schemas/v3.1/schema.json') as object;
}

export function loadOasValidator(): FixedValidator {
  const generated = join(__dirname, '..', 'openapi', GENERATED_MODULE);
  if (existsSync(generated)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return wrapPrecompiled(require(generated) as Parameters<typeof wrapPrecompiled>[0]);
  }
  return compileFixed(schema());
}

/** The module text `npm run build` writes to dist/openapi/. */
export function oasValidatorSource(): string {
  return standaloneSource(schema());
}
