#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { runLint } from './commands/lint';
import { runServe } from './commands/serve';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function integer(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

function clockStart(value: string): number {
  if (value === 'now') return Date.now();
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError("give an ISO date-time or 'now'");
  return ms;
}

/** argv -> options -> command. No logic of its own: every command is a function returning an exit code. */
export function buildCli(): Command {
  const program = new Command('secmock')
    .description(
      'Stateful mock server and contract verifier for security-vendor APIs, driven by OpenAPI specs',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('serve every spec (or the given ones) as one stateful mock')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', integer('port', 0, 65535), 4010)
    .option('-H, --host <host>', 'interface to listen on', '127.0.0.1')
    .option('-s, --spec <file>', 'serve this spec (repeatable; default: every spec in specs/)', collect)
    .option(
      '--seed <n>',
      'seed of fixtures and generated values: same seed, same data',
      integer('seed', 0, 2 ** 31 - 1),
      1,
    )
    .option('--latency <ms>', 'delay added to every response', integer('latency', 0, 60_000), 0)
    .option('--state-file <path>', 'keep the state in this file across restarts (atomic writes)')
    .option('--reset-state', 'start from the fixtures even if the state file exists (it is overwritten)')
    .option(
      '--credentials <file>',
      'JSON: { "<securityScheme>": [{ "value": "...", "scopes": [...] }] } replaces defaults',
    )
    .addOption(
      new Option('--clock <iso|now>', 'start of the virtual clock (default 2025-09-09T18:00:00Z)').argParser(
        clockStart,
      ),
    )
    .option('--body-limit <size>', 'largest request body; larger ones get 413', '1mb')
    .option(
      '--admin-token <token>',
      'require this token (x-secmock-admin-token) on /__secmock/ and open it beyond loopback',
    )
    .action(async (options: Record<string, unknown>) => {
      const code = await runServe({
        port: options.port as number,
        host: options.host as string,
        specs: options.spec as string[] | undefined,
        seed: options.seed as number,
        latencyMs: options.latency as number,
        stateFile: options.stateFile as string | undefined,
        resetState: options.resetState === true,
        credentialsFile: options.credentials as string | undefined,
        clockStart: options.clock as number | undefined,
        bodyLimit: options.bodyLimit as string,
        adminToken: options.adminToken as string | undefined,
      });
      if (code !== 0) process.exit(code);
    });

  program
    .command('lint')
    .description(
      'validate specs (OpenAPI 3.1 schema, $refs, annotations, examples) and print a summary per spec',
    )
    .argument('[spec...]', 'spec files (default: every spec in specs/)')
    .action(async (specs: string[]) => {
      process.exitCode = await runLint({ specs });
    });

  return program;
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(`secmock: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    });
}
