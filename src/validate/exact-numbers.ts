import { parse as parseLossless } from 'lossless-json';

/**
 * Integers past 2^53 arrive as text and JavaScript reads them as the nearest double, which blurs the edge of
 * an int64 field: the largest int64, 9223372036854775807, and the first number past it, 2^63, both read as
 * 2^63. To judge such a literal by its digits rather than by its rounding, a literal that is within the
 * int64 range is read as the nearest double *inside* the range, and one outside it as a double outside it.
 * Every other number reads as JSON.parse reads it.
 */
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/** The largest double below 2^63, and the first double below -2^63. */
const LARGEST_DOUBLE_IN_INT64 = 2 ** 63 - 1024;
const FIRST_DOUBLE_BELOW_INT64 = -(2 ** 63) - 2048;
/** Sixteen digits in a row: the cheap test for "may hold an integer past 2^53" before a slower parse. */
const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER_LITERAL = /^-?\d+$/;

/** JSON.parse, except that integer literals past 2^53 keep which side of the int64 range they are on. */
export function parseJsonExact(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return parseLossless(text, null, {
    parseNumber: numberFromLiteral,
    // Like JSON.parse: the last of a repeated key wins.
    onDuplicateKey: ({ newValue }) => newValue,
  });
}

/** The same reading for a query, path or header value that is an integer literal; others unchanged. */
export function exactIntegerText(value: string): string {
  if (value.length < 16 || !INTEGER_LITERAL.test(value)) return value;
  return String(numberFromLiteral(value));
}

function numberFromLiteral(literal: string): number {
  const value = Number(literal);
  if (Number.isSafeInteger(value) || !INTEGER_LITERAL.test(literal)) return value;
  const exact = BigInt(literal);
  if (exact > INT64_MAX) return Math.max(value, 2 ** 63);
  if (exact < INT64_MIN) return Math.min(value, FIRST_DOUBLE_BELOW_INT64);
  return Math.max(Math.min(value, LARGEST_DOUBLE_IN_INT64), -(2 ** 63));
}
