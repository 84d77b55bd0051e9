import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { BUNDLED_SEED_DIR, type MockEngine } from '../mock';
import { credentialLines } from './credentials-text';
import { readCredentialsFile } from './credentials-file';
import { InputError } from './input-error';
import { resolveSpecArgs } from './spec-args';
import { startMock, type RunningMock, type ServeOptions } from '../server';
import { SpecLoadError, formatProblem, listSpecFiles, readSecuritySchemes } from '../openapi';
import { StateFileError } from '../state';

export interface ServeCommandOptions extends ServeOptions {
  credentialsFile?: string;
  /** Seed directories searched before the bundled one (--seed-dir). */
  seedDirs?: string[];
  out?: (line: string) => void;
}

/** `secmock serve`: start, print what is served and how to authenticate, stop cleanly on SIGINT/SIGTERM. */
export async function runServe(options: ServeCommandOptions): Promise<number> {
  const out = options.out ?? ((line: string) => console.log(line));
  let running: RunningMock;
  try {
    const specs = specsToServe(options.specs);
    const credentials = options.credentialsFile
      ? readCredentialsFile(options.credentialsFile, declaredSchemes(specs))
      : options.credentials;
    const seedDir = options.seedDirs?.length
      ? [...seedDirs(options.seedDirs), BUNDLED_SEED_DIR]
      : options.seedDir;
    running = await startMock({ ...options, specs, credentials, seedDir, info: options.info ?? out });
  } catch (error) {
    return reportStartFailure(error);
  }
  for (const line of banner(running.url, running.app.mock)) out(line);
  if (options.watch) out('watching the specs and seed files: a change is served without a restart');
  const stop = (signal: string) => {
    out(`\n${signal}: stopping secmock...`);
    void running.close().then(() => {
      out('secmock stopped');
      process.exit(0);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

/** `-s` entries as files (a spec id names a bundled spec); loaded specs given in-process pass as they are. */
function specsToServe(specs: ServeOptions['specs']): ServeOptions['specs'] {
  if (!specs?.length || specs.some((spec) => typeof spec !== 'string')) return specs;
  return resolveSpecArgs(specs as string[], '--spec');
}

/** The security schemes of what will be served, for checking the names a credentials file gives. */
function declaredSchemes(specs: ServeOptions['specs']): string[] {
  return (specs?.length ? specs : listSpecFiles())
    .flatMap((spec) => (typeof spec === 'string' ? readSecuritySchemes(spec) : spec.securitySchemes))
    .map((scheme) => scheme.name);
}

/** A --seed-dir that does not exist would silently serve the bundled fixtures instead of the user's. */
function seedDirs(dirs: readonly string[]): string[] {
  for (const dir of dirs)
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new InputError(`--seed-dir ${dir}: no such directory`);
  return [...dirs];
}

/** Why a listen fails when the address is wrong: in use, privileged, not local, or not a host at all. */
const LISTEN_ERRORS = ['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN'];

function reportStartFailure(error: unknown): number {
  if (error instanceof SpecLoadError) {
    console.error('secmock: cannot serve, the specs have problems:');
    for (const problem of error.problems)
      console.error(`  ${formatProblem({ ...problem, file: relative(process.cwd(), problem.file) })}`);
    return 2;
  }
  if (error instanceof StateFileError || error instanceof InputError) {
    console.error(`secmock: ${error.message}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && LISTEN_ERRORS.includes(code)) {
    console.error(`secmock: cannot listen (--host, --port): ${(error as Error).message}`);
    return 2;
  }
  console.error(`secmock: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

export function banner(url: string, engine: MockEngine): string[] {
  const lines = [
    `secmock listening on ${url}  (seed ${engine.seed}, clock ${new Date(engine.clock.now()).toISOString()})`,
    '',
  ];
  for (const spec of engine.specs)
    lines.push(
      `  ${spec.id.padEnd(26)} ${String(spec.operations.length).padStart(4)} operations  ${spec.title}`,
    );
  lines.push('', 'Default credentials:');
  const defaults = engine.credentials.defaults();
  lines.push(
    ...credentialLines([...engine.schemes.values()], (scheme) =>
      defaults.filter((c) => c.scheme === scheme.name),
    ),
  );
  lines.push(
    '',
    `Console:   ${url}/__secmock/  (requests, state, scenarios, clock; open it in a browser)`,
    `Admin API: ${url}/__secmock/<route> (health, specs, state, requests, scenarios, reset, clock, sessions)`,
  );
  return lines;
}
