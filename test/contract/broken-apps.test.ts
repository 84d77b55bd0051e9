import { brokenApps, startBrokenApp } from '../fixtures/apps';
import { verify } from '../../src/contract/verify';
import { startMock, type RunningMock } from '../../src/server/serve';
import { explain, failedChecks } from '../helpers/contract';
import { TINY_SPEC, VENDOR_SPECS } from '../helpers/paths';

const SPECS = { manageengine: VENDOR_SPECS.manageEngine, tiny: TINY_SPEC } as const;

/** Proof that the checks work: each deliberately broken app is caught by the check it breaks. */
describe('every check catches the app that breaks it', () => {
  let mock: RunningMock;

  beforeAll(async () => {
    mock = await startMock({ port: 0, specs: [SPECS.manageengine, SPECS.tiny] });
  });
  afterAll(async () => mock.close());
  afterEach(async () => {
    await fetch(`${mock.url}/__secmock/reset`, { method: 'POST' });
  });

  it.each(Object.keys(SPECS))('the intact mock passes (%s)', async (spec) => {
    const result = await verify({ baseUrl: mock.url, specs: [SPECS[spec as keyof typeof SPECS]] });
    if (!result.summary.ok) throw new Error(explain(result));
  });

  it.each(brokenApps().map((entry) => [entry.app.name, entry.app.breaks, entry] as const))(
    '%s is caught by %s',
    async (_name, check, entry) => {
      const proxy = await startBrokenApp(entry.app, mock.url);
      try {
        const result = await verify({
          baseUrl: proxy.url,
          specs: [SPECS[entry.spec]],
          budgetMs: entry.app.budgetMs,
        });
        expect(result.summary.ok).toBe(false);
        expect(failedChecks(result)).toContain(check);
      } finally {
        await proxy.close();
      }
    },
  );
});
