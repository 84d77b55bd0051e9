import { formatPattern, seededRandom, seededUuid } from '../../../src/generate/ids';

describe('formatPattern', () => {
  it.each([
    ['INC{n:7}', 12345, 'INC0012345'],
    ['INC{n:3}', 12345, 'INC12345'],
    ['ISS-{n}', 101, 'ISS-101'],
    ['{n}-{n:2}', 5, '5-05'],
    ['fixed', 5, 'fixed'],
  ])('%s with %i -> %s', (pattern, n, expected) => {
    expect(formatPattern(pattern, n)).toBe(expected);
  });
});

describe('seededUuid', () => {
  const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a version-4-shaped uuid, the same for the same parts and another for other parts', () => {
    const ids = Array.from({ length: 50 }, (_, i) => seededUuid(1, 'notes', i));
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(50);
    expect(seededUuid(1, 'notes', 3)).toBe(ids[3]);
    expect(seededUuid(2, 'notes', 3)).not.toBe(ids[3]);
    expect(seededUuid(1, 'alerts', 3)).not.toBe(ids[3]);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed, stays in [0, 1) and spreads out', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 1000 }, () => random());
    };
    const a = draw(42);
    expect(draw(42)).toEqual(a);
    expect(draw(43)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = a.reduce((sum, x) => sum + x, 0) / a.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });
});
