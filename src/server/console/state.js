/*
 * The state tab: the world's collections with their counts and, for the one picked, its first items as JSON.
 */
import { AdminError, admin } from './api.js';
import { $, el } from './dom.js';
import { attempt } from './errors.js';
import { kick } from './poll.js';
import { changed, forget } from './store.js';

/** The collection picked, undefined until one is. */
let collection;

export async function loadState() {
  const data = await admin('state');
  $('issued').textContent = `${data.issuedCredentials} issued credentials`;
  const entries = Object.entries(data.collections);
  if (!changed('state', [collection, entries])) return;
  $('collections').replaceChildren(...entries.map(([name, info]) => collectionRow(name, info)));
}

function collectionRow(name, info) {
  const row = el(
    'tr',
    {
      'data-testid': 'collection',
      'data-collection': name,
      'data-count': info.count,
      className: name === collection ? 'selected' : undefined,
      tabindex: 0,
    },
    el('td', {}, name),
    el('td', { className: 'muted' }, info.spec || ''),
    el('td', { className: 'num', 'data-testid': 'collection-count' }, info.count),
  );
  const open = () => {
    collection = name;
    forget('state');
    $('items-reload').disabled = false;
    attempt('state', loadItems);
    kick();
  };
  row.addEventListener('click', open);
  row.addEventListener('keydown', (event) => event.key === 'Enter' && open());
  return row;
}

export async function loadItems() {
  const name = collection;
  if (name === undefined) return;
  const limit = Math.max(1, Number($('items-limit').value) || 20);
  const data = await admin(`state?collection=${encodeURIComponent(name)}&limit=${limit}`);
  if (data.error) throw new AdminError(404, data.error);
  if (name !== collection) return;
  $('items-title').textContent = `${name}: ${data.items.length} of ${data.count}`;
  $('items-title').setAttribute('data-count', data.count);
  $('items').textContent = JSON.stringify(data.items, null, 2);
}

/** Back to no collection picked (another world is shown). */
export function closeCollection() {
  collection = undefined;
  $('items').textContent = '';
  $('items-title').textContent = 'pick a collection';
  $('items-reload').disabled = true;
  forget('state');
}
