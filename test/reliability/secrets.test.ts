import { startMock } from '../../src/server/serve';
import { loadSpecs, type SpecModel } from '../../src/openapi';
import { runCli, waitForOutput } from '../helpers/cli';
import { VENDOR_SPECS } from '../helpers/paths';
import { adminSurfaces, findLeaks, runSecretFlow, type SecretFlow } from './helpers/secret-flow';
import { closeRawAgent } from './helpers/raw-http';

/**
 * Credentials given to the mock (Jira API tokens, Azure and DevRev PATs, ServiceNow and Defender client
 * secrets, Datadog and Splunk keys, custom webhook header strings, Lacework integration credentials and
 * connector tokens) and the ones it mints (Lacework API-token secrets, answered once at creation; session
 * JWTs) never show on any surface: no answer after the create, no log line, not the request log, not the
 * admin state. They are kept in clear in the store, where the behaviours need them.
 */
let specs: SpecModel[];

beforeAll(async () => {
  specs = await loadSpecs([VENDOR_SPECS.aktoIntegrations, VENDOR_SPECS.lacework], { examples: false });
});
afterAll(() => closeRawAgent());

function expectNoLeak(flow: SecretFlow, surfaces: Array<{ label: string; text: string }>): void {
  // Not vacuous: the secrets went through every operation that takes one, and the creates were read back.
  expect(flow.accepted.length).toBeGreaterThanOrEqual(18);
  expect(flow.given.size).toBeGreaterThanOrEqual(20);
  expect(flow.minted).toHaveLength(1);
  const given = findLeaks(flow.answers, flow.given);
  expect(given).toEqual([]);
  const minted = new Map(flow.minted.map((secret) => [secret, 'Lacework API token secret after creation']));
  expect(findLeaks(flow.answers, minted)).toEqual([]);
  const sessions = new Map(flow.sessions.map((jwt) => [jwt, 'Lacework session JWT']));
  const everything = new Map([...flow.given, ...minted, ...sessions]);
  expect(findLeaks(surfaces, everything)).toEqual([]);
}

describe('secrets never show on any surface', () => {
  it('in-process: answers, warn log, request log and admin state', async () => {
    const warnings: string[] = [];
    const mock = await startMock({ specs, port: 0, warn: (message) => warnings.push(message) });
    try {
      const flow = await runSecretFlow(mock.url, specs, { now: () => mock.app.mock.clock.now() });
      expect(flow.accepted).toEqual(
        expect.arrayContaining([
          'jiraAdd',
          'addAzureBoardsIntegration',
          'saveDataDogConfigs',
          'addSplunkIntegration',
          'addDevRevIntegration',
          'addServiceNowIntegration',
          'addMicrosoftDefenderIntegration',
          'addCustomWebhook',
          'updateCustomWebhook',
          'createIntegration',
          'createConnector',
          'createToken',
        ]),
      );
      const surfaces = await adminSurfaces(mock.url);
      expectNoLeak(flow, [...surfaces, { label: 'warn', text: warnings.join('\n') }]);
      // Kept in clear where the mock needs them (the vendor keeps them too), so masking is what hid them.
      const stored = JSON.stringify(mock.app.mock.store.snapshot());
      const storedSecrets = [...flow.given.keys()].filter((secret) => stored.includes(secret));
      expect(storedSecrets.length).toBeGreaterThanOrEqual(15);
    } finally {
      await mock.close();
    }
  });

  it('a spawned server: its stdout and stderr too', async () => {
    const run = runCli([
      'serve',
      '--port',
      '0',
      '--spec',
      VENDOR_SPECS.aktoIntegrations,
      '--spec',
      VENDOR_SPECS.lacework,
    ]);
    const [, url] = await waitForOutput(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    try {
      const flow = await runSecretFlow(url, specs);
      const surfaces = await adminSurfaces(url);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expectNoLeak(flow, [...surfaces, { label: 'stdout+stderr', text: run.output() }]);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
