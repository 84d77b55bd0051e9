import { createFaker, FakerPool, hashSeed } from '../../../src/generate/seed';

describe('hashSeed', () => {
  it('is a stable unsigned 32-bit number that depends on every part and on where parts split', () => {
    const h = hashSeed(1, 'notes', 'n1');
    expect(hashSeed(1, 'notes', 'n1')).toBe(h);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(hashSeed(2, 'notes', 'n1')).not.toBe(h);
    expect(hashSeed(1, 'notes', 'n2')).not.toBe(h);
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
  });
});

describe('createFaker', () => {
  it('draws the same values for the same seed, without touching another faker', () => {
    const draw = (seed: number) => {
      const faker = createFaker(seed);
      return [faker.string.uuid(), faker.number.int(1e9), faker.internet.email()];
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});

describe('FakerPool', () => {
  it('lends a distinct faker per loan until releaseAll, each seeded as asked', () => {
    const pool = new FakerPool();
    const a = pool.acquire(1);
    const b = pool.acquire(1);
    expect(a).not.toBe(b);
    expect(a.number.int(1e9)).toBe(b.number.int(1e9));
    pool.releaseAll();
    const reused = pool.acquire(2);
    expect([a, b]).toContain(reused);
    expect(reused.number.int(1e9)).toBe(createFaker(2).number.int(1e9));
  });
});
