/*
 * The scenarios tab: the world's scenarios (answers set up ahead for an operation) with what is left of each,
 * and removing them. The form that adds one is scenario-form.js.
 */
import { admin } from './api.js';
import { $, el } from './dom.js';
import { attempt } from './errors.js';
import { kick } from './poll.js';
import { changed } from './store.js';

export async function loadScenarios() {
  const data = await admin('scenarios');
  const scenarios = data.scenarios;
  $('scenarios-empty').hidden = scenarios.length > 0;
  if (!changed('scenarios', scenarios)) return;
  $('scenarios').replaceChildren(...scenarios.map(scenarioRow));
}

function delayOf(scenario) {
  if (scenario.delayMs === undefined) return '';
  if (typeof scenario.delayMs === 'number') return `${scenario.delayMs} ms`;
  return `${scenario.delayMs.min}-${scenario.delayMs.max} ms`;
}

function scenarioRow(scenario) {
  const remove = el('button', { type: 'button', 'data-testid': 'scenario-remove' }, 'remove');
  remove.addEventListener('click', async () => {
    await attempt('action', () => admin(`scenarios/${scenario.id}`, { method: 'DELETE' }));
    kick();
  });
  return el(
    'tr',
    {
      'data-testid': 'scenario',
      'data-id': scenario.id,
      'data-operation': scenario.operationId,
      'data-remaining': scenario.remaining,
    },
    el('td', {}, scenario.id),
    el(
      'td',
      { className: 'operation' },
      scenario.spec ? `${scenario.spec}/${scenario.operationId}` : scenario.operationId,
    ),
    el('td', {}, scenario.status === undefined ? '' : scenario.status),
    el('td', {}, scenario.fault || ''),
    el('td', {}, delayOf(scenario)),
    el('td', {}, scenario.times === undefined ? 1 : scenario.times),
    el('td', { className: 'num', 'data-testid': 'scenario-remaining' }, scenario.remaining),
    el('td', {}, remove),
  );
}

export async function clearScenarios() {
  if (!window.confirm('Remove every scenario?')) return;
  await attempt('action', () => admin('scenarios', { method: 'DELETE' }));
  kick();
}
