/*
 * The admin API (/__secmock/*) as the page calls it. Admin calls carry the chosen session
 * (x-secmock-session) and, when the mock asks for one, the admin token kept in sessionStorage.
 */
import { $ } from './dom.js';
import { currentSession } from './store.js';

const TOKEN_KEY = 'secmock-admin-token';

export class AdminError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Calls the admin API (paths relative to /__secmock/); throws an AdminError for anything but 2xx. */
export async function admin(path, options) {
  const { method = 'GET', body, shared = false } = options || {};
  const headers = { accept: 'application/json' };
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (currentSession() && !shared) headers['x-secmock-session'] = currentSession();
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['x-secmock-admin-token'] = token;
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new AdminError(0, `cannot reach the mock (${error.message})`);
  }
  const data = parseJson(await response.text());
  if (response.status === 401) showTokenForm();
  if (!response.ok) {
    const said = data && typeof data.error === 'string' ? data.error : response.statusText;
    throw new AdminError(response.status, `${method} ${path}: ${response.status} ${said}`, data);
  }
  return data;
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function showTokenForm() {
  $('token-form').hidden = false;
}

/** Keeps the token typed into the token form for every later call; false when none was typed. */
export function takeToken() {
  const token = $('token').value.trim();
  if (!token) return false;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('token').value = '';
  $('token-form').hidden = true;
  return true;
}
