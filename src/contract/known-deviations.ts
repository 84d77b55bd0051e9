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

/** A known-deviations file that cannot be used: which file, and what is wrong with it. */
export class KnownDeviationsError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`known-deviations file ${file}: ${problem}`);
  }
}

export function readKnownDeviations(file: string): KnownDeviation[] {
  const list = readList(file);
  return list.map((entry, i) => {
    const e = (entry ?? {}) as Partial<KnownDeviation>;
    if (typeof e.operation !== 'string' || typeof e.check !== 'string' || typeof e.reason !== 'string') {
      throw new KnownDeviationsError(file, `entry ${i + 1} needs string fields operation, check and reason`);
    }
    return { operation: e.operation, check: e.check, reason: e.reason };
  });
}

/** The file's entries: a YAML or JSON list, or `{ deviations: [...] }`. */
function readList(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KnownDeviationsError(file, code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new KnownDeviationsError(file, `not YAML or JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const list = Array.isArray(data) ? data : (data as { deviations?: unknown } | null)?.deviations;
  if (!Array.isArray(list))
    throw new KnownDeviationsError(file, 'expected a list of { operation, check, reason }');
  return list;
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
