import type { Check } from '../types';

/** Each answer within the response-time budget (--budget-ms), when one is set. */
export const responseTime: Check = {
  id: 'response_time',
  title: 'Response time over budget',
  severity: 'minor',
  run({ response, budgetMs }) {
    if (budgetMs === undefined || response.transportError) return undefined;
    if (response.durationMs <= budgetMs) return [];
    return [{ path: 'time', expected: `<= ${budgetMs} ms`, actual: `${Math.round(response.durationMs)} ms` }];
  },
};
