import type { LintOptions } from './lint';
import type { ServeCommandOptions } from './serve';
import type { VerifyCommandOptions } from './verify';

/**
 * Each command's module, and all it pulls in (the server and the fixtures' generators for serve, the
 * verifier and its reports for verify, spectral-style checks for lint), is loaded when that command runs:
 * `secmock serve` starts without reading a line of the verifier.
 */
export async function runServe(options: ServeCommandOptions): Promise<number> {
  return (await import('./serve')).runServe(options);
}

export async function runVerify(options: VerifyCommandOptions): Promise<number> {
  return (await import('./verify')).runVerify(options);
}

export async function runLint(options: LintOptions = {}): Promise<number> {
  return (await import('./lint')).runLint(options);
}

export type { LintOptions, ServeCommandOptions, VerifyCommandOptions };
