import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_DIR } from '../../helpers/paths';
import { tempDir } from './temp-dirs';

/**
 * The bundled fixtures with a smaller threat-event dataset. The fuzzer compares the whole store before and
 * after each invalid request; 5,000 events (12 MB of JSON) would make that comparison the cost of the suite,
 * while 400 exercise the same code.
 */
export function smallFixturesDir(): string {
  const dir = tempDir('fixtures');
  for (const name of readdirSync(SEED_DIR).filter((n) => n.endsWith('.yaml')))
    copyFileSync(join(SEED_DIR, name), join(dir, name));
  const threat = join(dir, 'akto-threat-detection.yaml');
  const text = readFileSync(threat, 'utf8');
  const smaller = text.replace(/events: \d+, actors: \d+/, 'events: 400, actors: 60');
  if (smaller === text)
    throw new Error(`${threat}: the event dataset options moved; update smallFixturesDir`);
  writeFileSync(threat, smaller);
  return dir;
}
