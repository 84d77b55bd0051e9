import { basename, extname } from 'node:path';
import { listSpecFiles } from '../../src/openapi';

/** A spec's id, as the loader names it: the file name without its extension. */
export const specIdOf = (file: string): string => basename(file, extname(file));

/**
 * Every spec secmock ships, as [spec id, file] pairs (the shape `it.each` names its cases by). Generic tests
 * iterate these instead of a list of vendors, so a new file in specs/ is covered with no edit to the tests.
 */
export function shippedSpecs(): Array<[specId: string, file: string]> {
  return listSpecFiles().map((file) => [specIdOf(file), file]);
}
