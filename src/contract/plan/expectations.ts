import { documentsStatus, type ErrorKind, type Operation, type SpecModel } from '../../openapi';

function documented4xx(operation: Operation): number[] {
  return operation.responses.map((r) => Number(r.status)).filter((s) => s >= 400 && s < 500);
}

/**
 * The statuses a refusal of this kind may have, taken from the spec (never guessed): the vendor envelope's
 * status from x-secmock when the operation documents it, else every documented status that fits the kind.
 */
export function refusalStatuses(spec: SpecModel, operation: Operation, kind: ErrorKind): number[] {
  const annotated = { ...spec.errors, ...operation.mock.errors }[kind]?.status;
  if (annotated !== undefined && documentsStatus(operation, annotated)) return [annotated];
  const fourXX = documented4xx(operation);
  const byKind: Partial<Record<ErrorKind, number[]>> = {
    unauthorized: fourXX.filter((s) => s === 401 || s === 403),
    forbidden: fourXX.filter((s) => s === 403 || s === 401),
    notFound: fourXX.filter((s) => s === 404 || s === 410),
  };
  const specific = byKind[kind];
  return specific && specific.length > 0 ? specific : fourXX;
}

/** Operations whose calls change state; --read-only never sends them. */
export function isMutating(operation: Operation): boolean {
  if (operation.mock.query) return false;
  const action = operation.mock.action;
  if (action === 'read' || action === 'list' || action === 'exists') return false;
  if (action !== undefined) return true;
  return !['get', 'head', 'options'].includes(operation.method);
}
