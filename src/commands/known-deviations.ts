import { readKnownDeviations, unmatchedDeviations, type KnownDeviation } from '../contract';
import type { SpecModel } from '../openapi';

/**
 * The known deviations, read once: entries that match no operation of the specs or no check are listed on
 * stderr (a typo would never apply), and the run goes on.
 */
export function knownDeviationsOf(
  given: string | KnownDeviation[] | undefined,
  specs: SpecModel[],
): KnownDeviation[] {
  const deviations = typeof given === 'string' ? readKnownDeviations(given) : (given ?? []);
  const unmatched = unmatchedDeviations(deviations, specs);
  if (unmatched.length > 0) {
    const where = typeof given === 'string' ? `--known-deviations ${given}` : 'known deviations';
    console.error(
      `secmock: warning: ${where}: ${unmatched.length} entr${unmatched.length === 1 ? 'y matches' : 'ies match'} nothing:`,
    );
    for (const { entry, reasons } of unmatched) console.error(`  entry ${entry}: ${reasons.join('; ')}`);
  }
  return deviations;
}
