/** The CLI's commands: each a function of its options that returns an exit code. */
export {
  runLint,
  runServe,
  runVerify,
  type LintOptions,
  type ServeCommandOptions,
  type VerifyCommandOptions,
} from './lazy';
export { serveHelpText } from './serve-help';
export { isSize } from './sizes';
// `secmock --version` prints the version reports carry (read from package.json at run time).
export { TOOL_VERSION } from '../contract';
// The CLI checks a --session name the way the mock will.
export { isSessionName, SESSION_NAME_RULE } from '../mock';
// The CLI offers the log levels and formats the server knows.
export { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../server';
