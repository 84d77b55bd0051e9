import { relative } from 'node:path';
import { formatProblem, inspectSpec, type SpecInspection } from '../openapi';
import { resolveSpecFiles } from '../openapi/files';
import { formatTable } from '../report/table';

export interface LintOptions {
  specs?: string[];
  /** Extra checks a caller can add (the mock adds "every named behaviour exists"). */
  extraChecks?: (inspection: SpecInspection) => string[];
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
    const extra = options.extraChecks?.(inspection) ?? [];
    const errors = inspection.problems.filter((p) => p.severity === 'error').length + extra.length;
    const warnings = inspection.problems.length - (errors - extra.length);
    for (const problem of inspection.problems) out(formatProblem({ ...problem, file: name }));
    for (const message of extra) out(`${name}: ${message}`);
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
