/**
 * `(did you mean 'listIncidents'?)` for a name that is a typo of one the specs define, else the known names:
 * a misspelt behaviour, security scheme, operation or spec id should point at what was meant, not only
 * say "unknown". Shared by start-up (behaviour names), the CLI (schemes, spec ids) and the verifier.
 */
export function nearMissHint(name: string, known: readonly string[], label = 'known', shown = 12): string {
  if (known.length === 0) return '';
  const near = known
    .map((candidate) => ({ candidate, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  if (near.distance <= Math.max(2, Math.floor(name.length / 4)))
    return ` (did you mean '${near.candidate}'?)`;
  return ` (${label}: ${known.slice(0, shown).join(', ')}${known.length > shown ? ', ...' : ''})`;
}

/** Levenshtein distance, row by row: names are short. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}
