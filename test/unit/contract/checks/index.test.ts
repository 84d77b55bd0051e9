import { CHECKS } from '../../../../src/contract/checks';

describe('the check catalogue', () => {
  it('lists the twenty-four checks in report order: shape, then state, then behaviour, then time', () => {
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
      'read_reflects_write',
      'partial_update_keeps_fields',
      'ids_unique',
      'unknown_id',
      'paging_consistent',
      'limit_honoured',
      'filter_honoured',
      'sort_honoured',
      'time_window_honoured',
      'secret_echoed',
      'aggregates_agree',
      'timestamp_plausible',
      'response_time',
    ]);
  });

  it('gives each check a unique id, a title and a severity', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    expect(new Set(CHECKS.map((c) => c.title)).size).toBe(CHECKS.length);
    for (const check of CHECKS) {
      expect(check.title).not.toBe('');
      expect(['critical', 'major', 'minor']).toContain(check.severity);
    }
  });

  it.each([
    ['read_reflects_write', 'critical'],
    ['partial_update_keeps_fields', 'major'],
    ['ids_unique', 'critical'],
    ['unknown_id', 'major'],
    ['paging_consistent', 'major'],
    ['limit_honoured', 'major'],
    ['filter_honoured', 'major'],
    ['sort_honoured', 'major'],
    ['time_window_honoured', 'major'],
    ['secret_echoed', 'critical'],
    ['aggregates_agree', 'major'],
    ['timestamp_plausible', 'minor'],
  ])('rates %s %s', (id, severity) => {
    expect(CHECKS.find((c) => c.id === id)?.severity).toBe(severity);
  });
});
