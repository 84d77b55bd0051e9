/** The CLI's commands: each a function of its options that returns an exit code. */
export { runLint } from './lint';
export { runServe } from './serve';
export { serveHelpText } from './serve-help';
export { runVerify } from './verify';
// The CLI checks a --session name the way the mock will.
export { isSessionName, SESSION_NAME_RULE } from '../mock';
// The CLI offers the log levels and formats the server knows.
export { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../server';
