/*
 * The form that adds a scenario: its operation picker (filled from the catalogue), the scenario it makes of
 * the fields, and the mock's reasons when it refuses one.
 */
import { admin } from './api.js';
import { $, el } from './dom.js';
import { report, settle } from './errors.js';
import { kick } from './poll.js';

/** Offers every operation of `specs`, grouped by spec, keeping the one chosen if it is still there. */
export function fillOperationPicker(specs) {
  const select = $('sc-operation');
  const chosen = select.value;
  select.replaceChildren(
    ...specs.map((spec) =>
      el(
        'optgroup',
        { label: `${spec.title} (${spec.id})` },
        ...spec.operations.map((op) =>
          el(
            'option',
            { value: `${spec.id}/${op.operationId}` },
            `${op.operationId} · ${op.method} ${op.path}`,
          ),
        ),
      ),
    ),
  );
  if (chosen) select.value = chosen;
}

/** The form as a scenario; empty fields are left out so the mock's defaults apply. */
function scenarioInput() {
  const [spec, ...rest] = $('sc-operation').value.split('/');
  const input = { spec, operationId: rest.join('/') };
  const status = $('sc-status').value.trim();
  if (status) input.status = Number(status);
  const times = $('sc-times').value.trim();
  if (times) input.times = /^\d+$/.test(times) ? Number(times) : times;
  if ($('sc-fault').value) input.fault = $('sc-fault').value;
  const delay = $('sc-delay').value.trim();
  if (delay) input.delayMs = Number(delay);
  return input;
}

function showReasons(reasons) {
  const list = $('sc-reasons');
  list.replaceChildren(...reasons.map((reason) => el('li', {}, reason)));
  list.hidden = reasons.length === 0;
}

export async function addScenario(event) {
  event.preventDefault();
  showReasons([]);
  try {
    await admin('scenarios', { method: 'POST', body: scenarioInput() });
    settle('action');
  } catch (error) {
    if (error.status === 422 && error.body && Array.isArray(error.body.reasons))
      showReasons(error.body.reasons);
    else report('action', error);
  }
  kick();
}
