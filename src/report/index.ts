/** Pure formatters of a run's Summary: console, JSON, JUnit, HTML. */
export { formatTable } from './table';
export { formatConsole } from './console';
export { formatHtml } from './html';
export { formatJson } from './json';
export { formatJunit } from './junit';
export { formatRunError, type RunError } from './run-error';
