import type { Check, Failure } from '../types';
import { succeeded } from './answer';

/**
 * A value sent in a field the contract declares secret (`secrets` of the resource) never comes back in
 * clear: not in the write's own answer, not in a later read or list of the resource.
 */
export const secretEchoed: Check = {
  id: 'secret_echoed',
  title: 'Secret echoed in clear',
  severity: 'critical',
  run({ response, secretsSent }) {
    if (!secretsSent?.length || !succeeded(response)) return undefined;
    const failures: Failure[] = [];
    for (const secret of secretsSent) {
      const where = findText(response.body, secret, 'body');
      if (where === undefined && !(response.body === undefined && response.text.includes(secret))) continue;
      failures.push({
        path: where ?? 'body',
        expected: 'the secret masked or left out',
        actual: `the secret sent, in clear (${secret.slice(0, 3)}…)`,
      });
    }
    return failures;
  },
};

/** The path of the first string in the answer that contains the text. */
function findText(node: unknown, text: string, at: string): string | undefined {
  if (typeof node === 'string') return node.includes(text) ? at : undefined;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, value] of Object.entries(node)) {
    const found = findText(value, text, Array.isArray(node) ? `${at}[${key}]` : `${at}.${key}`);
    if (found) return found;
  }
  return undefined;
}
