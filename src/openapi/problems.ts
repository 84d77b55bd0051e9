/** A problem found in a spec: where it is (file, JSON pointer, line) and what is wrong. Errors are data. */
export interface SpecProblem {
  file: string;
  pointer: string;
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Thrown by loadSpec when a spec cannot be used; carries every problem found, not just the first. */
export class SpecLoadError extends Error {
  constructor(readonly problems: SpecProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SpecLoadError';
  }
}

export function formatProblem(problem: SpecProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const pointer = problem.pointer === '' ? '#' : `#${problem.pointer}`;
  return `${where} ${pointer}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

export function hasErrors(problems: readonly SpecProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
