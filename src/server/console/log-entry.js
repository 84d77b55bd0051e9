/*
 * One request of the log as a table body: its summary row and, below it, its details (hidden until the row is
 * clicked). Its data-* attributes are what the log's filters read.
 */
import { el } from './dom.js';

function statusClassOf(status) {
  return status >= 100 && status < 600 ? String(status)[0] : 'other';
}

function violationsOf(entry) {
  return entry.requestViolations.length + entry.responseViolations.length;
}

function operationOf(entry) {
  return entry.operationId ? `${entry.spec ? `${entry.spec}/` : ''}${entry.operationId}` : '';
}

/** What the text filter looks in: one lower-case line per part of the entry. */
function searchOf(entry) {
  return [
    entry.method,
    entry.path,
    entry.status,
    operationOf(entry),
    entry.scenario,
    entry.fault,
    ...entry.requestViolations,
    ...entry.responseViolations,
    ...(entry.documentDepartures || []),
  ]
    .filter((part) => part !== undefined && part !== null)
    .join('\n')
    .toLowerCase();
}

export function entryBody(entry) {
  const body = el('tbody', {
    className: 'entry',
    'data-testid': 'log-entry',
    'data-seq': entry.seq,
    'data-status': entry.status,
    'data-class': statusClassOf(entry.status),
    'data-operation': entry.operationId || '',
    'data-violations': violationsOf(entry),
    'data-fault': entry.fault,
    'data-scenario': entry.scenario,
    'data-search': searchOf(entry),
  });
  const summary = summaryRow(entry);
  const detail = el(
    'tr',
    { className: 'detail', hidden: true },
    el('td', { colSpan: 7 }, ...entryDetails(entry)),
  );
  const toggle = () => {
    detail.hidden = !detail.hidden;
    summary.setAttribute('aria-expanded', String(!detail.hidden));
  };
  summary.addEventListener('click', toggle);
  summary.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle();
    }
  });
  body.append(summary, detail);
  return body;
}

function summaryRow(entry) {
  const violations = violationsOf(entry);
  const departures = (entry.documentDepartures || []).length;
  return el(
    'tr',
    { className: 'summary', tabindex: 0, 'aria-expanded': 'false' },
    el('td', { className: 'time', title: entry.time }, String(entry.time).slice(11, 23)),
    el('td', {}, el('span', { className: `method m-${entry.method.toLowerCase()}` }, entry.method)),
    el('td', { className: 'path' }, entry.path),
    el(
      'td',
      {},
      el(
        'span',
        { className: `status s${statusClassOf(entry.status)}`, 'data-testid': 'log-status' },
        entry.status,
      ),
      entry.fault ? el('span', { className: 'tag fault' }, entry.fault) : undefined,
      entry.scenario ? el('span', { className: 'tag scenario' }, 'scenario') : undefined,
    ),
    el(
      'td',
      { className: 'operation', 'data-testid': 'log-operation' },
      operationOf(entry) || '(no operation)',
    ),
    el(
      'td',
      {},
      el(
        'span',
        { className: violations ? 'count bad' : 'count', 'data-testid': 'log-violations' },
        violations,
      ),
      departures
        ? el('span', { className: 'tag departure', title: 'document departures' }, `+${departures}`)
        : undefined,
    ),
    el('td', { className: 'num' }, entry.durationMs),
  );
}

function detailList(title, items, className) {
  return items && items.length
    ? el('div', { className }, el('h4', {}, title), el('ul', {}, ...items.map((item) => el('li', {}, item))))
    : undefined;
}

function entryDetails(entry) {
  const facts = [
    ['seq', entry.seq],
    ['time', entry.time],
    ['spec', entry.spec],
    ['scenario', entry.scenario],
    ['fault', entry.fault],
  ].filter(([, value]) => value !== undefined);
  const parts = [
    el(
      'dl',
      { className: 'facts' },
      ...facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]),
    ),
    detailList(
      'request violations (the request was refused for these)',
      entry.requestViolations,
      'violations',
    ),
    detailList(
      'response violations (a secmock bug: please report it)',
      entry.responseViolations,
      'violations',
    ),
    detailList(
      'document departures (the vendor accepts these, the document forbids them)',
      entry.documentDepartures,
    ),
  ];
  if (!violationsOf(entry) && !(entry.documentDepartures || []).length)
    parts.push(el('p', { className: 'muted' }, 'No violations.'));
  return parts.filter(Boolean);
}
