import type { Check } from '../types';

/** Every status an implementation answers must be documented for the operation. */
export const undocumentedStatus: Check = {
  id: 'undocumented_status',
  title: 'Undocumented status',
  severity: 'major',
  run({ testCase, response }, tools) {
    if (response.transportError || response.status >= 500) return undefined;
    if (tools.validateResponse(testCase.operation, response).documented) return [];
    const documented = testCase.operation.responses.map((r) => r.status).join(', ');
    return [{ path: 'status', expected: `one of ${documented}`, actual: String(response.status) }];
  },
};
