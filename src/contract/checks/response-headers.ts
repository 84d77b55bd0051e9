import type { Check } from '../types';

/** Headers the spec documents as required for the status are present. */
export const responseHeaders: Check = {
  id: 'response_headers',
  title: 'Documented response headers',
  severity: 'minor',
  run({ testCase, response }, tools) {
    if (response.transportError) return undefined;
    const verdict = tools.validateResponse(testCase.operation, response);
    if (!verdict.documented) return undefined;
    return verdict.headers.map((v) => ({ path: v.path, expected: 'present', actual: 'missing' }));
  },
};
