import { brokenApps, startBrokenApp, type AppSpec } from '../fixtures/apps';
import { verify, type VerifyResult } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { explain, failedChecks } from '../helpers/contract';
import { TINY_SPEC, VENDOR_SPECS } from '../helpers/paths';

const SPECS: Record<AppSpec, string> = { ...VENDOR_SPECS, tiny: TINY_SPEC };
const SPEC_NAMES = Object.keys(SPECS) as AppSpec[];

/** The checks that failed; the verifier's own report goes to stderr when they are not the expected ones. */
function failed(result: VerifyResult, expected: string[]): string[] {
  const checks = failedChecks(result);
  if (checks.join() !== expected.join()) process.stderr.write(`${explain(result)}\n`);
  return checks;
}

async function startWithSeed(seed?: number): Promise<RunningMock> {
  return startMock({ port: 0, specs: Object.values(SPECS), ...(seed === undefined ? {} : { seed }) });
}

/**
 * Proof that the checks work: the intact mock passes every check of every spec, and each deliberately broken
 * app (test/fixtures/apps) is caught by the check it breaks and by no other.
 */
describe('every check catches the app that breaks it, and no other check does', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    mock = await startWithSeed();
  });
  afterAll(async () => mock.close());
  afterEach(async () => {
    await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
  });

  it.each(SPEC_NAMES)('the intact mock passes (%s)', async (spec) => {
    const result = await verify({ baseUrl: mock.url, specs: [SPECS[spec]] });
    expect(failed(result, [])).toEqual([]);
  });

  it.each(brokenApps().map((entry) => [entry.app.name, entry.app.breaks, entry] as const))(
    '%s is caught by %s only',
    async (_name, check, { app, spec }) => {
      const proxy = await startBrokenApp(app, mock.url);
      try {
        const result = await verify({
          baseUrl: proxy.url,
          specs: [SPECS[spec]],
          operations: app.operations,
          budgetMs: app.budgetMs,
        });
        expect(failed(result, [check])).toEqual([check]);
      } finally {
        await proxy.close();
      }
    },
  );
});

describe('the intact mock started with another seed (7) still passes', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    mock = await startWithSeed(7);
  });
  afterAll(async () => mock.close());
  afterEach(async () => {
    await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
  });

  const passes = async (spec: AppSpec) => {
    const result = await verify({ baseUrl: mock.url, specs: [SPECS[spec]] });
    expect(failedChecks(result)).toEqual([]);
  };

  it.each(SPEC_NAMES)('%s', passes);
});
