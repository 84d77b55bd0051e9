import type { Check } from '../types';

/** A request the contract allows must not be refused (checked where the annotations make it certain). */
export const validDataRejected: Check = {
  id: 'valid_data_rejected',
  title: 'Valid data rejected',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'accept' || !expect.strict || response.transportError || response.status >= 500)
      return undefined;
    if (response.status < 400) return [];
    return [
      {
        path: 'status',
        expected: `2xx for ${testCase.label}`,
        actual: `${response.status} ${response.text}`,
      },
    ];
  },
};
