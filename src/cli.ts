#!/usr/bin/env node
import { Command } from 'commander';
import { runLint } from './commands/lint';

/** argv -> options -> command. No logic of its own: every command is a function returning an exit code. */
export function buildCli(): Command {
  const program = new Command('secmock')
    .description(
      'Stateful mock server and contract verifier for security-vendor APIs, driven by OpenAPI specs',
    )
    .showHelpAfterError();

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
