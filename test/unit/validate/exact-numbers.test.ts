import { exactIntegerText, parseJsonExact } from '../../../src/validate/exact-numbers';

describe('reading integer literals past 2^53 by their digits', () => {
  it('reads ordinary JSON exactly as JSON.parse does', () => {
    const text = '{"a":1,"b":[1.5,-2e3,"9223372036854775808"],"c":null,"a":2}';
    expect(parseJsonExact(text)).toEqual(JSON.parse(text));
  });

  it('keeps the largest int64 inside the range and the next integer outside it', () => {
    const read = parseJsonExact(
      '{"max":9223372036854775807,"past":9223372036854775808,"min":-9223372036854775808,"below":-9223372036854775809}',
    ) as Record<string, number>;
    expect(read.max).toBeLessThan(2 ** 63);
    expect(read.past).toBeGreaterThanOrEqual(2 ** 63);
    expect(read.min).toBe(-(2 ** 63));
    expect(read.below).toBeLessThan(-(2 ** 63));
  });

  it('leaves strings of digits, fractions and exponents as JSON reads them', () => {
    const read = parseJsonExact(
      '{"id":"12345678901234567890","f":1.2345678901234567890,"e":1e300,"big":12345678901234567890e2}',
    );
    expect(read).toEqual({
      id: '12345678901234567890',
      f: 1.2345678901234567,
      e: 1e300,
      big: 1.2345678901234568e21,
    });
  });

  it('takes the last of a repeated key and no prototype from __proto__, like JSON.parse', () => {
    const read = parseJsonExact('{"__proto__":{"polluted":1},"n":1,"n":9223372036854775807}') as object;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((read as { n: number }).n).toBeLessThan(2 ** 63);
  });

  it('reads a parameter the same way and leaves other text alone', () => {
    expect(Number(exactIntegerText('9223372036854775807'))).toBeLessThan(2 ** 63);
    expect(Number(exactIntegerText('9223372036854775808'))).toBeGreaterThanOrEqual(2 ** 63);
    expect(exactIntegerText('42')).toBe('42');
    expect(exactIntegerText('12345678901234567890abc')).toBe('12345678901234567890abc');
  });
});
