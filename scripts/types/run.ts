import { resolve } from 'node:path';
import { writeSpecTypes } from './generate';

/**
 * `node <compiled>/scripts/types/run.js [spec-dir] [out-dir]`, part of `npm run build`: writes
 * `<out-dir>/<spec-id>.d.ts` (default types/) for every spec of `<spec-dir>` (default specs/), the package's
 * `secmock/types/<spec-id>`. openapi-typescript is a development dependency: the types are generated at
 * build and shipped, not generated at install.
 */
// npm runs a script from the package root.
const [specDir = 'specs', outDir = 'types'] = process.argv.slice(2);
writeSpecTypes(resolve(specDir), resolve(outDir)).catch((error: unknown) => {
  console.error(`generate-types: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
