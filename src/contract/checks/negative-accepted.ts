import type { Check } from '../types';

/** Data the spec makes invalid must be refused with a documented refusal. */
export const negativeDataAccepted: Check = {
  id: 'negative_data_accepted',
  title: 'Invalid data accepted',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (
      expect.kind !== 'refuse' ||
      expect.because !== 'invalid' ||
      response.transportError ||
      response.status >= 500
    )
      return undefined;
    if (expect.statuses.includes(response.status)) return [];
    if (response.status >= 400) return [];
    return [
      {
        path: 'status',
        expected: `a refusal (${expect.statuses.join(' or ')}) of ${testCase.label}`,
        actual: String(response.status),
      },
    ];
  },
};
