import type { Operation, ResponseSpec } from './model';

/** True when the operation documents this status, exactly, by range (`4XX`) or by `default`. */
export function documentsStatus(operation: Operation, status: number): boolean {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return operation.responses.some(
    (r) => r.status === exact || r.status.toUpperCase() === range || r.status === 'default',
  );
}

/** The status the mock answers on success: the annotation's, else the lowest documented 2xx. */
export function successStatus(operation: Operation): number | undefined {
  if (operation.mock.status !== undefined) return operation.mock.status;
  const codes = operation.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300);
  return codes.length > 0 ? Math.min(...codes) : undefined;
}

/** The documented response for a status: exact, else its range (`4XX`), else `default`. */
export function findResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.responses.find((r) => r.status === exact) ??
    operation.responses.find((r) => r.status.toUpperCase() === range) ??
    operation.responses.find((r) => r.status === 'default')
  );
}
