import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A failure the team already knows about: reported as "known" instead of "failed". */
export interface KnownDeviation {
  /** operationId, `<spec>/<operationId>`, or `*`. */
  operation: string;
  /** A check id, or `*`. */
  check: string;
  reason: string;
}

export class KnownDeviationsError extends Error {}

export function readKnownDeviations(file: string): KnownDeviation[] {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnownDeviationsError(
      `known-deviations file ${file} is unreadable: ${(error as Error).message}`,
    );
  }
  const list = Array.isArray(data) ? data : (data as { deviations?: unknown })?.deviations;
  if (!Array.isArray(list))
    throw new KnownDeviationsError(`${file}: expected a list of { operation, check, reason }`);
  return list.map((entry, i) => {
    const e = entry as Partial<KnownDeviation>;
    if (typeof e.operation !== 'string' || typeof e.check !== 'string' || typeof e.reason !== 'string') {
      throw new KnownDeviationsError(
        `${file}: entry ${i + 1} needs string fields operation, check and reason`,
      );
    }
    return { operation: e.operation, check: e.check, reason: e.reason };
  });
}

export function findKnown(
  deviations: readonly KnownDeviation[],
  spec: string,
  operationId: string,
  check: string,
): string | undefined {
  return deviations.find(
    (d) =>
      (d.operation === '*' || d.operation === operationId || d.operation === `${spec}/${operationId}`) &&
      (d.check === '*' || d.check === check),
  )?.reason;
}
