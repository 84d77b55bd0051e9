import { createFaker, hashSeed } from '../generate';
import type { SeedGenerator } from '../mock';

/**
 * Keeps a shipped generator's faker on the stream it has always had. The engine seeds a generator's faker by
 * the run seed, the spec id and the generator's name; these generators were introduced under other names,
 * and the data a seed gives is part of what users rely on (their snapshots, their recorded examples), so
 * they keep drawing from the stream of the name they were introduced under.
 */
export function onSeedStream(streamName: string, generator: SeedGenerator): SeedGenerator {
  return (ctx) => generator({ ...ctx, faker: createFaker(hashSeed(ctx.seed, 'generator', streamName)) });
}
