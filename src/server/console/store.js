/*
 * What the parts of the page share: the session whose world is shown (kept across reloads of the tab) and
 * what each polled list last rendered.
 */

const SESSION_KEY = 'secmock-console-session';

let session = sessionStorage.getItem(SESSION_KEY) || '';
const signatures = {};

/** The chosen session's name, '' for the shared world. */
export function currentSession() {
  return session;
}

export function setSession(name) {
  session = name;
  sessionStorage.setItem(SESSION_KEY, name);
}

/** Whether `value` differs from the last one rendered under `key` (so a list is not rebuilt under a click). */
export function changed(key, value) {
  const signature = JSON.stringify(value);
  if (signatures[key] === signature) return false;
  signatures[key] = signature;
  return true;
}

/** The list under `key` is rebuilt on its next load, whatever it holds. */
export function forget(key) {
  signatures[key] = undefined;
}
