import { findKnown, type KnownDeviation } from '../../../src/contract/known-deviations';

const deviations: KnownDeviation[] = [
  { operation: 'akto/listIntegrations', check: 'response_schema', reason: 'spec-qualified' },
  { operation: 'getIncident', check: '*', reason: 'any check of getIncident' },
  { operation: '*', check: 'response_time', reason: 'slow staging' },
];

describe('findKnown', () => {
  it.each<[string, string, string, string | undefined]>([
    ['akto', 'listIntegrations', 'response_schema', 'spec-qualified'],
    ['other', 'listIntegrations', 'response_schema', undefined],
    ['akto', 'listIntegrations', 'server_error', undefined],
    ['manageengine', 'getIncident', 'server_error', 'any check of getIncident'],
    ['lacework', 'listUsers', 'response_time', 'slow staging'],
    ['lacework', 'listUsers', 'list_stale', undefined],
  ])('%s/%s %s -> %s', (spec, operationId, check, reason) => {
    expect(findKnown(deviations, spec, operationId, check)).toBe(reason);
  });

  it('knows nothing without entries', () => {
    expect(findKnown([], 'akto', 'listIntegrations', 'server_error')).toBeUndefined();
  });
});
