/**
 * A state file that cannot be used as given: `secmock serve` prints the message (which names --state-file
 * and the file, and says what to do) and exits 2, never with a stack trace. `replaceable`: the file is
 * secmock's or unreadable, so --reset-state may replace it (never another program's database).
 */
export class StateFileError extends Error {
  constructor(
    message: string,
    readonly replaceable = false,
  ) {
    super(message);
    this.name = 'StateFileError';
  }
}
