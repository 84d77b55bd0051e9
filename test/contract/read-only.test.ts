import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * --read-only is what integrators run against production: it must send every operation that only reads,
 * including the queries the vendors send as POST (Akto threat detection asks for every list by POST), and
 * nothing that changes state.
 */
describe('secmock verify --read-only against queries sent as POST', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [VENDOR_SPECS.aktoThreatDetection] });
  });
  afterAll(async () => mock.close());

  const state = async () => (await fetch(`${mock.url}/__secmock/state`)).json();

  it('sends every threat-detection query, skips none, and leaves the stored state as it was', async () => {
    const before = await state();
    const result = await verify({
      baseUrl: mock.url,
      specs: [VENDOR_SPECS.aktoThreatDetection],
      readOnly: true,
    });
    const sent = new Set(
      result.events.flatMap((e) => (e.type === 'case' ? [e.testCase.operation.operationId] : [])),
    );
    const skipped = result.events.filter((e) => e.type === 'skipped');
    expect(skipped).toEqual([]);
    expect(sent.size).toBe(result.summary.byOperation.length);
    expect(result.events.some((e) => e.type === 'case' && e.testCase.request.method === 'post')).toBe(true);
    expect(await state()).toEqual(before);
  });
});
