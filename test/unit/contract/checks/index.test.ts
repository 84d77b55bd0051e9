import { CHECKS } from '../../../../src/contract/checks';

describe('the check catalogue', () => {
  it('lists the twelve checks in report order, each with a unique id, a title and a severity', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([
      'server_error',
      'undocumented_status',
      'content_type',
      'response_headers',
      'response_schema',
      'negative_data_accepted',
      'valid_data_rejected',
      'auth_accepted',
      'created_not_retrievable',
      'deleted_still_retrievable',
      'list_stale',
      'response_time',
    ]);
    for (const check of CHECKS) {
      expect(check.title).not.toBe('');
      expect(['critical', 'major', 'minor']).toContain(check.severity);
    }
  });
});
