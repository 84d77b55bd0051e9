import { nearMissHint, type Operation, type SpecModel } from '../openapi';

/**
 * The operations a run verifies: all of them, or those named (`--operation listIncidents` or
 * `manageengine-incidents/listIncidents`) and tagged (`--tag jira` matches the tag `Jira`: tags are names
 * people type). A selection that matches nothing is a mistake in the run's options, never a pass; so is a
 * name or tag that matches nothing next to others that do (a typo would silently shrink the run).
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
  if (all.length === 0) return selected;
  const problems = [...unknownOperations(all, ids), ...unknownTags(all, tags)];
  if (selected.length === 0)
    throw new SelectionError(
      `nothing to verify: ${problems.join('; ') || 'the selection matches no operation'}`,
    );
  if (problems.length > 0) throw new SelectionError(problems.join('; '));
  return selected;
}

function unknownOperations(all: Operation[], ids: string[] | undefined): string[] {
  const plain = all.map((op) => op.operationId);
  const qualified = all.map((op) => `${op.specId}/${op.operationId}`);
  return (ids ?? [])
    .filter((id) => !plain.includes(id) && !qualified.includes(id))
    .map(
      (id) =>
        `--operation ${id} names no operation of the specs${nearMissHint(id, id.includes('/') ? qualified : plain)}`,
    );
}

function unknownTags(all: Operation[], tags: string[] | undefined): string[] {
  const known = [...new Set(all.flatMap((op) => op.tags))].sort();
  const lower = known.map((t) => t.toLowerCase());
  const unknown = (tags ?? []).filter((tag) => !lower.includes(tag.toLowerCase()));
  return unknown.length > 0 ? [`--tag ${unknown.join(', ')} (tags: ${known.join(', ')})`] : [];
}
