import { relative } from 'node:path';
import { behaviourProblems, type VendorModule } from '../mock';
import { formatProblem, inspectSpec, resolveSpecFiles, type SpecProblem } from '../openapi';
import { formatTable } from '../report';
import { BUILTIN_VENDORS } from '../vendors';

export interface LintOptions {
  specs?: string[];
  /** The vendor modules behaviour names resolve in; default: the ones secmock ships. */
  modules?: readonly VendorModule[];
  out?: (line: string) => void;
}

const COLUMNS = [
  'operations',
  'schemas',
  'examples',
  'inferred paths',
  'deviations',
  'doc gaps',
  'errors',
  'warnings',
];

/** Validates every spec and prints one row per spec; the exit code is 2 when any spec has an error. */
export async function runLint(options: LintOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const files = resolveSpecFiles(options.specs);
  const rows: string[][] = [];
  let failed = false;
  for (const file of files) {
    const inspection = await inspectSpec(file);
    const name = relative(process.cwd(), file) || file;
    // A behaviour name that resolves in no vendor module stops `secmock serve`: lint says so first.
    const unbound: SpecProblem[] = inspection.model
      ? behaviourProblems(inspection.model, options.modules ?? BUILTIN_VENDORS)
      : [];
    const problems = [...inspection.problems, ...unbound];
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    for (const problem of problems) out(formatProblem({ ...problem, file: name }));
    const s = inspection.stats;
    rows.push([
      name,
      ...(s
        ? [s.operations, s.schemas, s.examplesChecked, s.inferredPaths, s.deviations, s.docGaps].map(String)
        : ['-', '-', '-', '-', '-', '-']),
      String(errors),
      String(warnings),
    ]);
    failed ||= errors > 0;
  }
  out('');
  for (const line of formatTable(['spec', ...COLUMNS], rows)) out(line);
  out(failed ? '\nlint failed' : `\n${files.length} spec(s) valid`);
  return failed ? 2 : 0;
}
