import type { Check } from '../types';

/** A 5xx, or no answer at all, is never part of a contract. */
export const serverError: Check = {
  id: 'server_error',
  title: 'Server error',
  severity: 'critical',
  run({ response }) {
    if (response.transportError)
      return [
        { path: 'status', expected: 'an HTTP response', actual: `no response (${response.transportError})` },
      ];
    if (response.status >= 500)
      return [{ path: 'status', expected: 'a non-5xx status', actual: String(response.status) }];
    return [];
  },
};
