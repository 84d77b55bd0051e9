import type { Check } from '../types';

/** Missing, wrong or under-scoped credentials must be refused. */
export const authAccepted: Check = {
  id: 'auth_accepted',
  title: 'Missing or wrong credentials accepted',
  severity: 'critical',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (
      expect.kind !== 'refuse' ||
      expect.because === 'invalid' ||
      response.transportError ||
      response.status >= 500
    )
      return undefined;
    if (response.status >= 400)
      return expect.statuses.includes(response.status)
        ? []
        : [
            {
              path: 'status',
              expected: `${expect.statuses.join(' or ')} for ${testCase.label}`,
              actual: String(response.status),
            },
          ];
    return [
      {
        path: 'status',
        expected: `a refusal (${expect.statuses.join(' or ')}) for ${testCase.label}`,
        actual: String(response.status),
      },
    ];
  },
};
