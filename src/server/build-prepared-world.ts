import { rmSync } from 'node:fs';
import { PREPARED_DIR, writePreparedWorld } from '../mock';
import { listSpecFiles, writeParsedCopy } from '../openapi';
import { createMockApp } from './app';

/**
 * Run by `npm run build` after tsc: seeds the world `secmock serve` starts with by default (every bundled
 * spec, the bundled seed files, seed 1, the default clock) and saves it in dist/prepared, so that a start
 * reads it instead of generating it. A test checks it is the very world the generator builds. The bundled
 * specs are saved there as JSON too, read faster than their YAML.
 */
async function prepareDefaultWorld(): Promise<void> {
  const app = await createMockApp({ log: { level: 'silent' } });
  const prepared = app.mock.seededWorldToPrepare();
  if (!prepared) throw new Error('the default specs were not loaded from files');
  // Only the current world: one prepared from specs since edited would only be shipped for nothing.
  rmSync(PREPARED_DIR, { recursive: true, force: true });
  writePreparedWorld(prepared.key, prepared.world, PREPARED_DIR);
  for (const file of listSpecFiles()) writeParsedCopy(file);
}

prepareDefaultWorld().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
