import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_SEED_DIR, PREPARED_DIR, writePreparedWorld, writeSeedCopy } from '../mock';
import { listSpecFiles, writePreparedModel, writeSpecCopy } from '../openapi';
import { createMockApp } from './app';

/**
 * Run by `npm run build` after tsc: seeds the world `secmock serve` starts with by default (every bundled
 * spec, the bundled seed files, seed 1, the default clock) and saves it in dist/prepared, so that a start
 * reads it instead of generating it. A test checks it is the very world the generator builds. The bundled
 * specs and seed files are saved there as JSON too, read faster than their YAML, and the specs as the models
 * a start loads.
 */
async function prepareDefaultWorld(): Promise<void> {
  // What an earlier build prepared may come from other code: everything is made again from the sources.
  rmSync(PREPARED_DIR, { recursive: true, force: true });
  const app = await createMockApp({ log: { level: 'silent' }, preparedWorlds: false });
  const prepared = app.mock.seededWorldToPrepare();
  if (!prepared) throw new Error('the default specs were not loaded from files');
  writePreparedWorld(prepared.key, prepared.world, PREPARED_DIR);
  for (const file of listSpecFiles()) writeSpecCopy(file);
  for (const name of readdirSync(BUNDLED_SEED_DIR).filter((n) => n.endsWith('.yaml')))
    writeSeedCopy(join(BUNDLED_SEED_DIR, name));
  for (const model of app.mock.specs) writePreparedModel(model);
}

prepareDefaultWorld().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
