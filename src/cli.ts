#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  isSessionName,
  isSize,
  LOG_FORMATS,
  LOG_LEVELS,
  runLint,
  runServe,
  runVerify,
  SESSION_NAME_RULE,
  serveHelpText,
  TOOL_VERSION,
  type LogFormat,
  type LogLevel,
} from './commands';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function integer(name: string, min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };
}

function parseCredentials(pairs: string[] | undefined): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InvalidArgumentError(`--credential takes <scheme>=<value>; got '${pair}'`);
    credentials[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return credentials;
}

/** A size as Express reads it, checked here so that a wrong one names its flag instead of failing at start. */
function size(value: string): string {
  if (!isSize(value)) throw new InvalidArgumentError(`'${value}' is not a size such as 1mb or 500kb`);
  return value;
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
    .version(TOOL_VERSION, '-V, --version', 'print the version of secmock')
    .showHelpAfterError()
    // A mistake in the command line is the run that could not be made (exit 2), not a failed one (1).
    .exitOverride();
  addServe(program);
  addVerify(program);
  addLint(program);
  return program;
}

function addServe(program: Command): void {
  program
    .command('serve')
    .description('serve every spec (or the given ones) as one stateful mock')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', integer('port', 0, 65535), 4010)
    .option('-H, --host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '-s, --spec <file|id>',
      'serve this spec file, directory or bundled spec id (repeatable; default: every bundled spec)',
      collect,
    )
    .option(
      '--seed <n>',
      'seed of fixtures and generated values: same seed, same data',
      integer('seed', 0, 2 ** 31 - 1),
      1,
    )
    .option('--latency <ms>', 'delay added to every response', integer('latency', 0, 60_000), 0)
    .option(
      '--seed-dir <dir>',
      'look for <spec-id>.yaml seed files here first, then in the bundled fixtures/seed/ (repeatable)',
      collect,
    )
    .option(
      '--state-file <path>',
      'keep the state in this SQLite file across restarts; each write is saved before it is answered',
    )
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
    .option('--body-limit <size>', 'largest request body; larger ones get 413', size, '1mb')
    .option(
      '--strict',
      'refuse what only the vendor document forbids (default: accept it as the vendor does, and report it)',
    )
    .option('--watch', 'reload the specs and seed files when they change (the store keeps what still fits)')
    .option(
      '--session <name>',
      'the session of requests that name none (x-secmock-session), for tools that cannot set the header',
      sessionName,
    )
    .option(
      '--rate-limits',
      "enforce the rate limits the specs declare (per credential, on the mock's clock); off by default",
    )
    .option(
      '--admin-token <token>',
      'require this token (x-secmock-admin-token) on /__secmock/ and open it beyond loopback',
    )
    .option(
      '--cors-origin <origin>',
      'answer CORS only to this page origin (repeatable; default: echo any Origin, credentials allowed)',
      corsOrigin,
    )
    .option('--no-cors', 'send no CORS headers (browser pages on other origins cannot read the answers)')
    .addOption(
      new Option('--log-level <level>', 'a line per request: info; debug adds violations and masked bodies')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .addOption(
      new Option('--log-format <format>', 'pretty lines (coloured on a terminal) or one JSON object per line')
        .choices(LOG_FORMATS)
        .default('pretty'),
    )
    .addHelpText('after', () => serveHelpText())
    .action(async (options: Record<string, unknown>) => {
      paceGarbageCollection();
      const code = await runServe(serveOptions(options));
      if (code !== 0) process.exit(code);
    });
}

/**
 * A mock at full speed makes garbage far faster than it keeps data (about 45 MB live under mixed load).
 * V8 by default lets the old generation grow to four times what survived the last full collection, and
 * doubles the young generation up to 2 x 16 MB whenever much of it survives a scavenge (start-up's burst, a
 * write load), then keeps those pages resident. Collecting once the heap has grown by half, and keeping the
 * young generation at its first size, keep a long run under 200 MB for a few percent of throughput. Not a
 * cap: the heap still grows as far as the data needs (docs/decisions/0011-garbage-collection-pacing.md).
 */
function paceGarbageCollection(): void {
  setFlagsFromString('--heap-growing-percent=50');
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** An origin as browsers send it (`http://localhost:3000`); repeated flags add up. */
function corsOrigin(value: string, previous: string[] = []): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`'${value}' is not an origin such as http://localhost:3000`);
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, ''))
    throw new InvalidArgumentError(
      `'${value}' is not an origin such as http://localhost:3000 (scheme, host, port)`,
    );
  return [...previous, url.origin];
}

/** A session name as the mock takes it, else exit 2 naming the flag. */
function sessionName(value: string): string {
  if (!isSessionName(value)) throw new InvalidArgumentError(`a session name is ${SESSION_NAME_RULE}`);
  return value;
}

/** Commander's parsed values, typed: each option's parser already refused a bad value (exit 2). */
function serveOptions(options: Record<string, unknown>): Parameters<typeof runServe>[0] {
  return {
    port: options.port as number,
    host: options.host as string,
    specs: options.spec as string[] | undefined,
    seed: options.seed as number,
    latencyMs: options.latency as number,
    seedDirs: options.seedDir as string[] | undefined,
    stateFile: options.stateFile as string | undefined,
    resetState: options.resetState === true,
    credentialsFile: options.credentials as string | undefined,
    clockStart: options.clock as number | undefined,
    bodyLimit: options.bodyLimit as string,
    strict: options.strict === true,
    rateLimits: options.rateLimits === true,
    watch: options.watch === true,
    session: options.session as string | undefined,
    adminToken: options.adminToken as string | undefined,
    // --cors-origin restricts; --no-cors (commander sets cors to false) turns CORS off.
    cors:
      options.cors === false
        ? false
        : options.corsOrigin
          ? { origins: options.corsOrigin as string[] }
          : true,
    log: { level: options.logLevel as LogLevel, format: options.logFormat as LogFormat },
  };
}

function addVerify(program: Command): void {
  program
    .command('verify')
    .description('verify an implementation (the vendor, a staging build, the mock) against the specs')
    .option('-b, --base-url <url>', 'the implementation under test', 'http://127.0.0.1:4010')
    .option(
      '-s, --spec <file|id>',
      'verify against this spec file, directory or bundled spec id (repeatable; default: every bundled spec)',
      collect,
    )
    .option('-o, --operation <id>', 'only this operationId or <spec>/<operationId> (repeatable)', collect)
    .option('-t, --tag <tag>', 'only operations with this tag (repeatable)', collect)
    .option(
      '-c, --credential <scheme=value>',
      'credential for a security scheme (repeatable; env SECMOCK_CREDENTIAL_<SCHEME>)',
      collect,
    )
    .option('-r, --report <formats>', 'write reports: junit=<path>,json=<path>,html=<path>')
    .option(
      '-k, --known-deviations <file>',
      'YAML/JSON list of { operation, check, reason }: matching failures count as known',
    )
    .option('--read-only', 'never send a request that could change state (safe against production)')
    .option('--keep-data', 'leave what the run created in place (default: delete it at the end)')
    .option('--run-token <token>', 'put this in the values the vendor keeps unique (default: random per run)')
    .option(
      '--session <name>',
      'the secmock session the requests name (x-secmock-session; default: a fresh one per run)',
      sessionName,
    )
    .option('--no-session', "name no session: a secmock mock's shared world")
    .option('--dry-run', 'print the plan and send nothing')
    .option('--seed <n>', 'seed of generated requests', integer('seed', 0, 2 ** 31 - 1), 1)
    .option('--timeout <ms>', 'per-request timeout', integer('timeout', 1, 600_000), 10_000)
    .option(
      '--budget-ms <ms>',
      'response-time budget (default 1000): slower answers fail the response_time check',
      integer('budget', 1, 600_000),
    )
    .action(async (options: Record<string, unknown>) => {
      process.exitCode = await runVerify(verifyOptions(options));
    });
}

function verifyOptions(options: Record<string, unknown>): Parameters<typeof runVerify>[0] {
  return {
    baseUrl: options.baseUrl as string,
    specs: options.spec as string[] | undefined,
    operations: options.operation as string[] | undefined,
    tags: options.tag as string[] | undefined,
    credentials: parseCredentials(options.credential as string[] | undefined),
    report: options.report as string | undefined,
    knownDeviations: options.knownDeviations as string | undefined,
    readOnly: options.readOnly === true,
    keepData: options.keepData === true,
    runToken: options.runToken as string | undefined,
    session: options.session as string | false | undefined,
    dryRun: options.dryRun === true,
    seed: options.seed as number,
    timeoutMs: options.timeout as number,
    budgetMs: options.budgetMs as number | undefined,
  };
}

function addLint(program: Command): void {
  program
    .command('lint')
    .description(
      'validate specs (OpenAPI 3.1 schema, $refs, annotations, examples) and print a summary per spec',
    )
    .argument('[spec...]', 'spec files, directories or bundled spec ids (default: every bundled spec)')
    .action(async (specs: string[]) => {
      process.exitCode = await runLint({ specs });
    });
}

/** Parses argv and runs the command; a mistake in the command line exits 2, help and --version 0. */
async function run(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      // Commander has printed what was wrong; help and --version are not mistakes.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`secmock: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

/** Runs this process's command line: what the `secmock` binary (src/bin.ts) does. */
export function main(): void {
  const program = buildCli();
  // `secmock` alone asks what it can do: help on stdout and exit 0 (commander's default is stderr, exit 1).
  if (process.argv.length <= 2) program.outputHelp();
  else void run(program);
}

// `node dist/cli.js` still works: the same CLI from the unbundled modules.
if (require.main === module) main();
