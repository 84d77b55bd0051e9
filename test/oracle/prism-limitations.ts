import type { PrismViolation } from './prism-violations';

/**
 * Where Prism 5.14 is wrong about a valid exchange (an OpenAPI 3.1 feature it does not understand), and only
 * there. Each entry names one operation and matches Prism's message exactly; an entry that no longer matches
 * anything fails the oracle, so the list cannot rot.
 *
 * Never add a genuine problem of the mock, a spec or the verifier here: fix it (or report it) instead.
 * Empty today: on the shipped specs every positive case and chain step Prism has flagged so far was a
 * real problem, not a Prism limitation.
 */
export interface PrismLimitation {
  /** The spec id: the file name in specs/ without its extension (`lacework-edge`). */
  spec: string;
  operationId: string;
  /** Matched against `<location>: <message>` of each violation. */
  violation: RegExp;
  why: string;
}

export const PRISM_LIMITATIONS: readonly PrismLimitation[] = [];

export function findLimitation(
  spec: string,
  operationId: string,
  violation: PrismViolation,
): PrismLimitation | undefined {
  const text = `${violation.location}: ${violation.message}`;
  return PRISM_LIMITATIONS.find(
    (l) => l.spec === spec && l.operationId === operationId && l.violation.test(text),
  );
}
