/*
 * The specs tab: the mock's catalogue, one table of operations per spec with the credential each one takes
 * and a curl line to copy, filtered in the page. The catalogue also feeds the scenario form's picker.
 */
import { admin } from './api.js';
import { $, el } from './dom.js';
import { attempt } from './errors.js';
import { fillOperationPicker } from './scenario-form.js';
import { currentSession } from './store.js';

/** The specs as the last load gave them. */
let catalogue = [];

export async function loadSpecs() {
  const data = await attempt('specs', () => admin('specs', { shared: true }));
  if (!data) return;
  catalogue = data.specs;
  renderSpecs();
  fillOperationPicker(catalogue);
}

/** Redraws the loaded catalogue, for curl lines that name another session. */
export function refreshCurls() {
  if (catalogue.length) renderSpecs();
}

/** The curl line as the catalogue gives it, sent to the chosen session when there is one. */
function curlOf(operation) {
  const session = currentSession();
  if (!session) return operation.curl;
  return operation.curl.replace(/^curl -X \S+/, (start) => `${start} -H 'x-secmock-session: ${session}'`);
}

function renderSpecs() {
  $('specs').replaceChildren(...catalogue.map(specSection));
  applySpecFilter();
}

function specSection(spec) {
  return el(
    'section',
    { className: 'spec', 'data-testid': 'spec', 'data-spec': spec.id },
    el(
      'h2',
      {},
      spec.title,
      ' ',
      el('span', { className: 'muted' }, `${spec.id} · ${spec.operations.length} operations`),
    ),
    el(
      'table',
      { className: 'operations' },
      ...spec.operations.map((operation) => operationBody(spec, operation)),
    ),
  );
}

/** What the filter looks in: one lower-case line per part of the operation. */
function searchOf(spec, operation) {
  return [spec.id, spec.title, operation.method, operation.path, operation.operationId, operation.summary]
    .concat(operation.tags || [])
    .join('\n')
    .toLowerCase();
}

function operationBody(spec, operation) {
  const auth = operation.auth;
  const curl = el('code', { className: 'curl', 'data-testid': 'curl' }, curlOf(operation));
  const copyButton = el('button', { type: 'button', className: 'copy', 'data-testid': 'copy' }, 'copy');
  copyButton.addEventListener('click', () => copy(curl, copyButton));
  return el(
    'tbody',
    {
      'data-testid': 'operation',
      'data-operation': operation.operationId,
      'data-search': searchOf(spec, operation),
    },
    el(
      'tr',
      {},
      el(
        'td',
        { className: 'm' },
        el('span', { className: `method m-${operation.method.toLowerCase()}` }, operation.method),
      ),
      el('td', { className: 'path' }, operation.path),
      el('td', { className: 'operation' }, operation.operationId),
      el('td', {}, operation.summary || ''),
      el(
        'td',
        { className: 'credential', 'data-testid': 'credential' },
        auth
          ? el('span', {}, `${auth.scheme} · ${auth.placement} · `, el('code', {}, auth.value))
          : el('span', { className: 'muted' }, 'no credential'),
      ),
    ),
    el('tr', { className: 'curl-row' }, el('td', { colSpan: 5 }, copyButton, ' ', curl)),
  );
}

async function copy(code, button) {
  const text = code.textContent;
  let said = 'copied';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard (a plain-http name, a denied permission): select it for Ctrl+C instead.
    const range = document.createRange();
    range.selectNodeContents(code);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    said = 'selected';
  }
  button.textContent = said;
  setTimeout(() => (button.textContent = 'copy'), 1500);
}

export function applySpecFilter() {
  const text = $('spec-text').value.trim().toLowerCase();
  for (const section of $('specs').children) {
    let shown = 0;
    for (const body of section.querySelectorAll('tbody')) {
      body.hidden = Boolean(text) && !body.getAttribute('data-search').includes(text);
      if (!body.hidden) shown += 1;
    }
    section.hidden = shown === 0;
  }
}
