import { relative } from 'node:path';
import { behaviourProblems, type VendorModule } from '../mock';
import { formatProblem, inspectSpec, listSpecFiles, type SpecProblem } from '../openapi';
import { formatTable } from '../report';
import { BUILTIN_VENDORS } from '../vendors';
import { InputError } from './input-error';
import { resolveSpecArgs } from './spec-args';

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
  let files: string[];
  try {
    files = resolveSpecArgs(options.specs, 'lint') ?? listSpecFiles();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`secmock: ${error.message}`);
    return 2;
  }
  const rows: string[][] = [];
  let failed = false;
  for (const file of files) {
    const { row, errors } = await lintFile(file, options.modules ?? BUILTIN_VENDORS, out);
    rows.push(row);
    failed ||= errors > 0;
  }
  out('');
  for (const line of formatTable(['spec', ...COLUMNS], rows)) out(line);
  out(failed ? '\nlint failed' : `\n${files.length} spec(s) valid`);
  return failed ? 2 : 0;
}

/** One spec: its problems printed, its row of the summary table, and how many of its problems are errors. */
async function lintFile(
  file: string,
  modules: readonly VendorModule[],
  out: (line: string) => void,
): Promise<{ row: string[]; errors: number }> {
  const inspection = await inspectSpec(file);
  const name = relative(process.cwd(), file) || file;
  // A behaviour name that resolves in no vendor module stops `secmock serve`: lint says so first.
  const unbound: SpecProblem[] = inspection.model ? behaviourProblems(inspection.model, modules) : [];
  const problems = [...inspection.problems, ...unbound];
  const errors = problems.filter((p) => p.severity === 'error').length;
  for (const problem of problems) out(formatProblem({ ...problem, file: name }));
  const s = inspection.stats;
  const counts = s
    ? [s.operations, s.schemas, s.examplesChecked, s.inferredPaths, s.deviations, s.docGaps].map(String)
    : ['-', '-', '-', '-', '-', '-'];
  return { row: [name, ...counts, String(errors), String(problems.length - errors)], errors };
}
