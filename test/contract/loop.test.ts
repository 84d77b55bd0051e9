import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { explain } from '../helpers/contract';
import { shippedSpecs } from '../helpers/specs';

/**
 * The loop: the verifier checks the mock against its own contracts and finds nothing. Against another
 * implementation, set CONTRACT_BASE_URL (and credentials through SECMOCK_CREDENTIAL_<SCHEME>). Every spec in
 * specs/ is checked, one case per spec id.
 */
const external = process.env.CONTRACT_BASE_URL;

describe('the mock conforms to its own contracts', () => {
  let mock: RunningMock | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    if (external) baseUrl = external;
    else {
      mock = await startMock({ port: 0 });
      baseUrl = mock.url;
    }
  });
  afterAll(async () => mock?.close());

  it.each(shippedSpecs())('%s: every case passes every check', async (_specId, spec) => {
    const result = await verify({ baseUrl, specs: [spec] });
    if (!result.summary.ok) throw new Error(explain(result));
    expect(result.summary.failedCases).toBe(0);
    expect(result.summary.cases).toBeGreaterThan(result.summary.operations * 3);
  });
});

/**
 * A mock held to the vendors' documents (--strict) is an implementation too: it refuses what only the
 * document forbids, which the verifier must find conformant as well (it never sends such requests as valid).
 */
describe('a strict mock conforms to the same contracts', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    mock = await startMock({ port: 0, strict: true });
  });
  afterAll(async () => mock.close());

  it.each(shippedSpecs())('%s: every case passes every check', async (_specId, spec) => {
    const result = await verify({ baseUrl: mock.url, specs: [spec] });
    if (!result.summary.ok) throw new Error(explain(result));
    expect(result.summary.failedCases).toBe(0);
  });
});
