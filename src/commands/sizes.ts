import bytes from 'bytes';

/**
 * Sizes as the server reads them (`--body-limit 1mb`): Express parses limits with `bytes`, which also
 * reads any leading digits of a string (`1e3` is 1 byte, `huge` throws inside Express at start-up). Only a
 * number with an optional unit is taken, and it must be positive: a limit of 0 would refuse every body.
 */
const SIZE = /^\d+(\.\d+)?\s*(b|kb|mb|gb|tb|pb)?$/i;

export function isSize(value: string): boolean {
  const parsed = SIZE.test(value) ? bytes.parse(value) : null;
  return parsed !== null && parsed > 0;
}
