import type * as FakerLibrary from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';

type FakerModule = typeof FakerLibrary;
let fakerModule: FakerModule | undefined;

/**
 * faker's module is loaded on the first value generated, not at start-up: it takes about 100 ms to load,
 * and a mock that starts from a prepared world may not generate anything for a while.
 */
function newFaker(): Faker {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() would be async
  fakerModule ??= require('@faker-js/faker') as FakerModule;
  return new fakerModule.Faker({ locale: [fakerModule.en, fakerModule.base] });
}

/** FNV-1a over the parts: a stable 32-bit seed for "this seed, this collection, this entity". */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A faker of its own, seeded: generation never touches the shared global faker. */
export function createFaker(seed: number): Faker {
  const faker = newFaker();
  faker.seed(seed);
  return faker;
}

/**
 * Fakers lent for one synchronous piece of work (one mock answer) and reseeded on every loan: building a
 * Faker costs several times more than seeding one, and a create may need a few. Each loan is a distinct
 * instance until releaseAll(), so two fakers used side by side never share a stream.
 */
export class FakerPool {
  private free: Faker[] = [];
  private lent: Faker[] = [];

  acquire(seed: number): Faker {
    const faker = this.free.pop() ?? newFaker();
    faker.seed(seed);
    this.lent.push(faker);
    return faker;
  }

  releaseAll(): void {
    this.free.push(...this.lent);
    this.lent = [];
  }
}

export type { Faker };
