/*
 * The secmock console: a page of the mock's own origin over its admin API (/__secmock/*). No framework, no
 * dependency and no build: native modules of this folder, the only scripts the page's CSP runs. This one
 * starts the page: the tabs, what each poll round loads, and which control does what.
 */
import { takeToken } from './api.js';
import { advanceClock, loadHealth, resetWorld } from './clock.js';
import { $ } from './dom.js';
import { attempt, dismiss } from './errors.js';
import { kick, pollWith } from './poll.js';
import { applyLogFilter, clearLogView, isPaused, pollLog, togglePause } from './request-log.js';
import { addScenario } from './scenario-form.js';
import { clearScenarios, loadScenarios } from './scenarios.js';
import { chooseSession, forgetSession, loadSessions, showStoredSession } from './sessions.js';
import { applySpecFilter, loadSpecs } from './specs.js';
import { loadItems, loadState } from './state.js';

/** The sessions list is refreshed every this many polls. */
const SESSIONS_EVERY = 3;

let tab = 'requests';
let rounds = 0;

/** One round of refreshing: health, new log entries, the open panel's data, now and then the sessions. */
async function refresh() {
  rounds += 1;
  const loads = [attempt('health', loadHealth)];
  if (!isPaused()) loads.push(attempt('log', pollLog));
  if (tab === 'state') loads.push(attempt('state', loadState));
  if (tab === 'scenarios') loads.push(attempt('scenarios', loadScenarios));
  if (rounds % SESSIONS_EVERY === 1) loads.push(attempt('sessions', loadSessions));
  await Promise.all(loads);
}

function showTab(name) {
  tab = name;
  for (const button of document.querySelectorAll('[data-tab]'))
    button.setAttribute('aria-selected', String(button.getAttribute('data-tab') === name));
  for (const panel of document.querySelectorAll('[data-panel]'))
    panel.hidden = panel.getAttribute('data-panel') !== name;
  kick();
}

function useToken(event) {
  event.preventDefault();
  if (!takeToken()) return;
  loadSpecs();
  kick();
}

function wire() {
  $('banner-close').addEventListener('click', dismiss);
  $('token-form').addEventListener('submit', useToken);
  $('session-select').addEventListener('change', (event) => chooseSession(event.target.value));
  $('session-forget').addEventListener('click', forgetSession);
  $('clock-form').addEventListener('submit', advanceClock);
  $('reset').addEventListener('click', resetWorld);
  for (const button of document.querySelectorAll('[data-tab]'))
    button.addEventListener('click', () => showTab(button.getAttribute('data-tab')));
  $('log-text').addEventListener('input', applyLogFilter);
  $('log-class').addEventListener('change', applyLogFilter);
  $('log-violations').addEventListener('change', applyLogFilter);
  $('log-pause').addEventListener('click', togglePause);
  $('log-clear').addEventListener('click', clearLogView);
  $('spec-text').addEventListener('input', applySpecFilter);
  $('items-reload').addEventListener('click', () => attempt('state', loadItems));
  $('scenario-form').addEventListener('submit', addScenario);
  $('sc-clear').addEventListener('click', clearScenarios);
}

function start() {
  pollWith(refresh);
  wire();
  showStoredSession();
  showTab('requests');
  loadSpecs();
}

start();
