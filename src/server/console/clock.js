/*
 * The header's world: the mock's health, seed and virtual clock, the form that advances the clock, and the
 * reset of the world shown (the chosen session's or the shared one).
 */
import { admin } from './api.js';
import { $ } from './dom.js';
import { attempt } from './errors.js';
import { kick } from './poll.js';
import { restartLog } from './request-log.js';
import { currentSession } from './store.js';

function formatClock(iso) {
  return String(iso)
    .replace('T', ' ')
    .replace(/\.000Z$|Z$/, ' UTC');
}

function showClock(iso) {
  $('clock').textContent = formatClock(iso);
  $('clock').setAttribute('data-clock', iso);
}

export async function loadHealth() {
  const health = await admin('health');
  $('health-status').textContent = health.session
    ? `${health.status} (session ${health.session})`
    : health.status;
  $('seed').textContent = String(health.seed);
  showClock(health.clock);
}

export async function advanceClock(event) {
  event.preventDefault();
  const amount = Number($('clock-amount').value);
  const advanceMs = Math.round(amount * Number($('clock-unit').value));
  const data = await attempt('action', () => admin('clock', { method: 'POST', body: { advanceMs } }));
  if (data) showClock(data.clock);
  kick();
}

export async function resetWorld() {
  const world = currentSession() ? `session '${currentSession()}'` : 'the shared world';
  if (
    !window.confirm(`Reset ${world}: its data back to the fixtures, its scenarios and request log cleared?`)
  )
    return;
  await attempt('action', () => admin('reset', { method: 'POST' }));
  restartLog();
  kick();
}
