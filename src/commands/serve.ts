import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BUNDLED_SEED_DIR, type MockEngine } from '../mock';
import { credentialLines } from './credentials-text';
import { startMock, type RunningMock, type ServeOptions } from '../server';
import { SpecLoadError, formatProblem } from '../openapi';
import { StateFileError } from '../state';

/** A mistake in how secmock was started (a file it cannot read). */
export class ConfigError extends Error {}

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
    const credentials = options.credentialsFile
      ? readCredentials(options.credentialsFile)
      : options.credentials;
    const seedDir = options.seedDirs?.length ? [...options.seedDirs, BUNDLED_SEED_DIR] : options.seedDir;
    running = await startMock({ ...options, credentials, seedDir, info: options.info ?? out });
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

function readCredentials(file: string): ServeOptions['credentials'] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServeOptions['credentials'];
  } catch (error) {
    throw new ConfigError(`credentials file ${file} is unreadable: ${(error as Error).message}`);
  }
}

function reportStartFailure(error: unknown): number {
  if (error instanceof SpecLoadError) {
    console.error('secmock: cannot serve, the specs have problems:');
    for (const problem of error.problems)
      console.error(`  ${formatProblem({ ...problem, file: relative(process.cwd(), problem.file) })}`);
    return 2;
  }
  if (error instanceof StateFileError || error instanceof ConfigError) {
    console.error(`secmock: ${error.message}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    console.error(`secmock: cannot listen: ${(error as Error).message}`);
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
