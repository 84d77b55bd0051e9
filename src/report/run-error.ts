import { esc } from './html-escape';

/** A run that could not be made (target unreachable, nothing selected): still a report, saying why. */
export interface RunError {
  message: string;
  baseUrl: string;
  startedAt: string;
  version: string;
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The reports of a run that could not be made, so that a CI job whose dashboard reads the JUnit file shows
 * the cause instead of a missing file: one errored testcase in JUnit, `{ error }` in JSON, a page in HTML.
 */
export const formatRunError = {
  junit: (e: RunError) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="secmock verify" time="0.000">\n  <testsuite name="secmock verify" tests="1" failures="0" skipped="0" errors="1" timestamp="${xml(e.startedAt)}">\n    <testcase classname="secmock" name="run against ${xml(e.baseUrl)}"><error message="${xml(e.message)}" type="run_not_made">${xml(e.message)}</error></testcase>\n  </testsuite>\n</testsuites>\n`,
  json: (e: RunError) =>
    `${JSON.stringify({ baseUrl: e.baseUrl, error: e.message, run: { startedAt: e.startedAt, version: e.version, baseUrl: e.baseUrl } }, null, 2)}\n`,
  html: (e: RunError) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>secmock verify report</title></head><body>\n<h1>secmock verify: the run could not be made</h1>\n<p>${esc(e.message)}</p>\n<p>Target <code>${esc(e.baseUrl)}</code>, ${esc(e.startedAt)}, secmock ${esc(e.version)}.</p>\n</body></html>\n`,
} as const;
