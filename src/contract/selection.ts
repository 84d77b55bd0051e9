import type { Operation, SpecModel } from '../openapi';

/**
 * The operations a run verifies: all of them, or those named (`--operation listIncidents` or
 * `manageengine-incidents/listIncidents`) and tagged (`--tag jira` matches the tag `Jira`: tags are names
 * people type). A selection that matches nothing is a mistake in the run's options, never a pass.
 */
export class SelectionError extends Error {}

export function selectOperations(specs: SpecModel[], ids?: string[], tags?: string[]): Operation[] {
  const all = specs.flatMap((spec) => spec.operations);
  const named = (op: Operation) =>
    !ids?.length || ids.includes(op.operationId) || ids.includes(`${op.specId}/${op.operationId}`);
  const wanted = (tags ?? []).map((t) => t.toLowerCase());
  const tagged = (op: Operation) =>
    wanted.length === 0 || op.tags.some((t) => wanted.includes(t.toLowerCase()));
  const selected = all.filter((op) => named(op) && tagged(op));
  if (selected.length === 0 && all.length > 0) throw new SelectionError(nothingSelected(all, ids, tags));
  return selected;
}

function nothingSelected(all: Operation[], ids?: string[], tags?: string[]): string {
  const parts: string[] = [];
  if (ids?.length) {
    const unknown = ids.filter(
      (id) => !all.some((op) => op.operationId === id || `${op.specId}/${op.operationId}` === id),
    );
    if (unknown.length > 0) parts.push(`--operation ${unknown.join(', ')} names no operation of the specs`);
  }
  if (tags?.length) {
    const known = [...new Set(all.flatMap((op) => op.tags))].sort();
    parts.push(`--tag ${tags.join(', ')} (tags: ${known.join(', ')})`);
  }
  return `nothing to verify: ${parts.join('; ') || 'the selection matches no operation'}`;
}
