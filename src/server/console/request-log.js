/*
 * The requests tab: the mock's request log, polled for the entries after the last one seen, newest first,
 * filtered in the page, paused and cleared at will. A log reset (by this page or anyone else) starts it over.
 */
import { admin } from './api.js';
import { $ } from './dom.js';
import { entryBody } from './log-entry.js';
import { kick } from './poll.js';

/** Log entries kept in the page; the oldest go first. */
const MAX_ROWS = 500;

let lastSeq = 0;
let paused = false;
/** Bumped when the world shown changes (session, reset): answers asked for before it are dropped. */
let generation = 0;

function logTable() {
  return document.querySelector('table.log');
}

export function restartLog() {
  generation += 1;
  lastSeq = 0;
  clearLogView();
}

export function clearLogView() {
  for (const body of [...logTable().tBodies]) body.remove();
  updateLogCount();
}

export async function pollLog() {
  const asked = generation;
  const data = await admin(`requests?after=${lastSeq}&limit=${MAX_ROWS}`);
  if (asked !== generation) return;
  const entries = data.requests;
  if (entries.length === 0) {
    if (lastSeq > 0) await noticeLogRestart(asked);
    return;
  }
  const table = logTable();
  const filter = logFilter();
  for (const entry of entries) {
    const body = entryBody(entry);
    body.hidden = !matchesLogFilter(body, filter);
    table.insertBefore(body, table.tBodies[0] || null);
  }
  lastSeq = entries[entries.length - 1].seq;
  while (table.tBodies.length > MAX_ROWS) table.tBodies[table.tBodies.length - 1].remove();
  updateLogCount();
}

/** A log that starts again below what the page has seen was reset (by this page or anyone else). */
async function noticeLogRestart(asked) {
  const data = await admin('requests?limit=1');
  const newest = data.requests[0];
  if (asked === generation && (!newest || newest.seq < lastSeq)) restartLog();
}

function logFilter() {
  return {
    text: $('log-text').value.trim().toLowerCase(),
    cls: $('log-class').value,
    violations: $('log-violations').checked,
  };
}

/** Reads the data-* attributes log-entry.js gives each entry. */
function matchesLogFilter(body, filter) {
  if (filter.cls === 'fault' && !body.hasAttribute('data-fault')) return false;
  if (filter.cls && filter.cls !== 'fault' && body.getAttribute('data-class') !== filter.cls) return false;
  if (filter.violations && body.getAttribute('data-violations') === '0') return false;
  return !filter.text || body.getAttribute('data-search').includes(filter.text);
}

export function applyLogFilter() {
  const filter = logFilter();
  for (const body of logTable().tBodies) body.hidden = !matchesLogFilter(body, filter);
  updateLogCount();
}

function updateLogCount() {
  const bodies = [...logTable().tBodies];
  const shown = bodies.filter((b) => !b.hidden).length;
  $('log-count').textContent =
    bodies.length === shown ? `${shown} requests` : `${shown} of ${bodies.length} requests`;
  $('log-empty').hidden = bodies.length > 0;
}

export function isPaused() {
  return paused;
}

export function togglePause() {
  paused = !paused;
  $('log-pause').textContent = paused ? 'resume' : 'pause';
  $('log-pause').classList.toggle('active', paused);
  if (!paused) kick();
}
