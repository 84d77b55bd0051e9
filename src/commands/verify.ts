import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  describeSchedule,
  KnownDeviationsError,
  planRun,
  SelectionError,
  TargetUnreachableError,
  TOOL_VERSION,
  verify,
  type VerifyOptions,
} from '../contract';
import { formatConsole, formatHtml, formatJson, formatJunit, formatRunError } from '../report';
import { formatProblem, listSpecFiles, loadSpecs, SpecLoadError } from '../openapi';
import { InputError } from './input-error';
import { knownDeviationsOf } from './known-deviations';
import { checkSchemeNames } from './scheme-names';
import { resolveSpecArgs } from './spec-args';

export interface VerifyCommandOptions extends Omit<VerifyOptions, 'specs'> {
  specs?: string[];
  /** `junit=<path>,json=<path>,html=<path>` */
  report?: string;
  dryRun?: boolean;
  out?: (line: string) => void;
}

const FORMATS = { junit: formatJunit, json: formatJson, html: formatHtml } as const;

/** `secmock verify`: exit 0 only when nothing failed; 2 when it could not run at all. */
export async function runVerify(options: VerifyCommandOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  const startedAt = new Date().toISOString();
  let reports: Array<[keyof typeof FORMATS, string]> = [];
  try {
    reports = parseReportOption(options.report);
    checkBaseUrl(options.baseUrl);
    const specs = await loadSpecs(resolveSpecArgs(options.specs, '--spec') ?? listSpecFiles());
    const schemes = specs.flatMap((spec) => spec.securitySchemes.map((scheme) => scheme.name));
    checkSchemeNames(Object.keys(options.credentials ?? {}), schemes, '--credential');
    const knownDeviations = knownDeviationsOf(options.knownDeviations, specs);
    if (options.dryRun) {
      const { schedule, book } = planRun(specs, options);
      for (const line of describeSchedule(schedule, book, options.seed ?? 1)) out(line);
      return 0;
    }
    const { summary } = await verify({ ...options, specs, knownDeviations });
    for (const line of formatConsole(summary)) out(line);
    for (const [format, path] of reports) {
      writeReport(path, FORMATS[format](summary));
      out(`${format} report: ${path}`);
    }
    return summary.ok ? 0 : 1;
  } catch (error) {
    return reportRunError(error, { baseUrl: options.baseUrl, startedAt, reports, out });
  }
}

/** Why the run could not be made, on stderr and in the reports asked for; exit 2. */
function reportRunError(
  error: unknown,
  run: {
    baseUrl: string;
    startedAt: string;
    reports: Array<[keyof typeof FORMATS, string]>;
    out: (line: string) => void;
  },
): number {
  if (error instanceof SpecLoadError) {
    for (const problem of error.problems) console.error(formatProblem(problem));
    return 2;
  }
  if (error instanceof SelectionError || error instanceof TargetUnreachableError) {
    console.error(`secmock: ${error.message}`);
    const failed = {
      message: error.message,
      baseUrl: run.baseUrl,
      startedAt: run.startedAt,
      version: TOOL_VERSION,
    };
    for (const [format, path] of run.reports) {
      writeReport(path, formatRunError[format](failed));
      run.out(`${format} report: ${path}`);
    }
    return 2;
  }
  if (error instanceof KnownDeviationsError) {
    console.error(`secmock: --known-deviations ${error.file}: ${error.problem}`);
    return 2;
  }
  if (error instanceof InputError) {
    console.error(`secmock: ${error.message}`);
    return 2;
  }
  throw error;
}

function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function checkBaseUrl(baseUrl: string): void {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw new InputError(`--base-url takes an http(s) URL such as http://127.0.0.1:4010; got '${baseUrl}'`);
}

export function parseReportOption(option: string | undefined): Array<[keyof typeof FORMATS, string]> {
  if (!option) return [];
  return option.split(',').map((part) => {
    const [format, path] = part.split('=');
    if (!(format in FORMATS) || !path)
      throw new InputError(`--report takes junit=<path>,json=<path>,html=<path>; got '${part}'`);
    return [format as keyof typeof FORMATS, path];
  });
}
