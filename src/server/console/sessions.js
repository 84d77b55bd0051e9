/*
 * The session picker: which world the page shows, the shared one or a session's (x-secmock-session), and
 * forgetting a session. Choosing one starts every panel over on that world.
 */
import { admin } from './api.js';
import { $, el } from './dom.js';
import { attempt } from './errors.js';
import { kick } from './poll.js';
import { restartLog } from './request-log.js';
import { refreshCurls } from './specs.js';
import { closeCollection } from './state.js';
import { changed, currentSession, forget, setSession } from './store.js';

/** Shows the session kept from before a reload, before the sessions list first arrives. */
export function showStoredSession() {
  const session = currentSession();
  const select = $('session-select');
  if (session) select.append(el('option', { value: session }, `session ${session}`));
  select.value = session;
  $('session-forget').disabled = !session;
}

export async function loadSessions() {
  let data;
  try {
    data = await admin('sessions', { shared: true });
  } catch (error) {
    // A mock without sessions has no such route: there is only the shared world to show.
    if (error.status === 404) {
      $('session-picker').hidden = true;
      return;
    }
    throw error;
  }
  const names = data.sessions.map((s) => s.name);
  if (currentSession() && !names.includes(currentSession())) names.push(currentSession());
  if (!changed('sessions', names)) return;
  const select = $('session-select');
  select.replaceChildren(el('option', { value: '' }, 'shared world'));
  for (const name of names) select.append(el('option', { value: name }, `session ${name}`));
  select.value = currentSession();
}

export function chooseSession(name) {
  setSession(name);
  $('session-select').value = name;
  $('session-forget').disabled = !name;
  closeCollection();
  forget('scenarios');
  refreshCurls();
  restartLog();
  kick();
}

export async function forgetSession() {
  const name = currentSession();
  if (!name || !window.confirm(`Forget session '${name}' and its data?`)) return;
  await attempt('action', () =>
    admin(`sessions/${encodeURIComponent(name)}`, { method: 'DELETE', shared: true }),
  );
  forget('sessions');
  chooseSession('');
  await attempt('sessions', loadSessions);
}
