/**
 * A mistake in how secmock was started: a flag's value or a file it names. The message names the flag or
 * file and what is wrong; the command prints it without a stack trace and exits 2 (the run could not be made).
 */
export class InputError extends Error {
  override name = 'InputError';
}
