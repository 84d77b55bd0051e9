import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationValidatorSources } from './annotations';
import { GENERATED_MODULE, oasValidatorSource } from './oas-validator';

/**
 * Run by `npm run build` after tsc: saves the compiled OpenAPI 3.1 validator and the x-secmock annotations'
 * validators next to the compiled code, so that a start-up loads them instead of compiling them.
 */
writeFileSync(join(__dirname, GENERATED_MODULE), oasValidatorSource());
for (const { file, source } of annotationValidatorSources()) writeFileSync(join(__dirname, file), source);
