import fc from 'fast-check';

/** Values a fuzzer puts where a valid one was: text that breaks naive code, and values of the wrong type. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const ODD_STRINGS = [
  '',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '\ufeff',
  '\u200b\u200d',
  '💥'.repeat(300),
  '%00',
  '${jndi:ldap://x/a}',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e999',
  '9007199254740993',
];

export const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

export const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  oddString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 2 }),
);

/**
 * Values at the edges of the rules contracts declare, as JSON text (integers past 2^53 keep their digits):
 * int32 and int64 bounds and one past them, a fraction, a huge exponent; impossible and pre-1970 dates in
 * the forms the specs use; a value that breaks any identifier pattern.
 */
export const EDGE_LITERALS = [
  '2147483647',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '1e300',
  '1.5',
  '-0',
  '"2027-13-45 99:99:99"',
  '"2027-02-29 10:00:00"',
  '"1969-12-31 23:59:59"',
  '"2027-02-30T10:00:00Z"',
  '"2028-02-29T10:00:00Z"',
  '"lower case!"',
];

export const edgeLiteral = fc.constantFrom(...EDGE_LITERALS);
