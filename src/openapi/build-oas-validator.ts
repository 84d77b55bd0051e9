import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MODULE, oasValidatorSource } from './oas-validator';

/** Run by `npm run build` after tsc: saves the compiled OpenAPI 3.1 validator next to the compiled code. */
writeFileSync(join(__dirname, GENERATED_MODULE), oasValidatorSource());
