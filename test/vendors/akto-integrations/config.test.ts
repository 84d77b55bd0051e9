import { aktoMock, type AktoMock, type TestingIssue } from './helpers';

const DEFENDER = {
  tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  clientId: 'd4e5f6a7-b8c9-0123-def0-123456789012',
  clientSecret: 'defender-secret-1',
  dataIngestionUrl: 'https://akto-ingestion.example.com',
};
const ADX = {
  clusterEndpoint: 'https://akto-cluster.eastus.kusto.windows.net',
  databaseName: 'AktoThreatDB',
  tenantId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  applicationClientId: 'b2c3d4e5-f6a7-8901-bcde-f12345678901',
};
const S1 = {
  consoleUrl: 'https://example.sentinelone.net',
  dataIngestionUrl: 'https://akto-ingestion.example.com',
};
const SLACK = {
  webhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX',
  webhookName: 'appsec-alerts',
};
const WEBHOOK = {
  webhookName: 'new-endpoints-to-siem',
  url: 'https://hooks.example.com/akto-events',
  method: 'POST',
  headerString: '{"Authorization": "Bearer webhook-token-1"}',
  frequencyInSeconds: 3600,
};

describe('Akto SIEM, EDR, Slack and webhook integrations', () => {
  let mock: AktoMock;
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
  });

  it('Datadog and Splunk configurations are stored, updated and removed; secrets stay masked and kept', async () => {
    const config = { datadogApiKey: 'dd-api-1', datadogAppKey: 'dd-app-1', datadogSite: 'datadoghq.com' };
    const saved = await mock.post('/api/saveDataDogConfigs', config);
    expect(saved.body.datadogConfig).toMatchObject({ datadogApiKey: '********', datadogAppKey: '********' });
    const updated = await mock.post('/api/saveDataDogConfigs', {
      ...config,
      datadogApiKey: '********',
      datadogSite: 'datadoghq.eu',
    });
    expect(updated.body.datadogConfig.datadogSite).toBe('datadoghq.eu');
    expect(mock.stored('datadogConfig')).toMatchObject({
      datadogApiKey: 'dd-api-1',
      datadogAppKey: 'dd-app-1',
    });

    const forwarding = await mock.post('/api/addDatadogIntegration', {
      apiKey: 'dd-fwd-1',
      datadogSite: 'datadoghq.com',
      enabled: true,
    });
    expect(forwarding.body.datadogIntegration).toMatchObject({ apiKey: '********', enabled: true });
    await mock.post('/api/deleteDatadogIntegration', {});
    expect(await mock.state('datadogIntegration')).toEqual([]);

    await mock.post('/api/addSplunkIntegration', {
      splunkUrl: 'http://splunk:8088/services/collector',
      splunkToken: 'hec-1',
    });
    const splunk = await mock.post('/api/addSplunkIntegration', {
      splunkUrl: 'http://splunk2:8088/services/collector',
      splunkToken: '********',
    });
    expect(splunk.body.splunkIntegration).toMatchObject({
      splunkUrl: 'http://splunk2:8088/services/collector',
      splunkToken: '********',
    });
    expect(mock.stored('splunkIntegration')?.splunkToken).toBe('hec-1');
  });

  it('ADX and SentinelOne need their secret on the first save only', async () => {
    const noKey = await mock.post('/api/addAdxIntegration', ADX);
    expect(noKey.status).toBe(422);
    expect(noKey.body.actionErrors).toEqual(['Please enter a valid application key (client secret).']);
    await mock.post('/api/addAdxIntegration', { ...ADX, applicationKey: 'adx-key-1' });
    const kept = await mock.post('/api/addAdxIntegration', { ...ADX, databaseName: 'Other' });
    expect(kept.body.adxIntegration).toMatchObject({ databaseName: 'Other', applicationKey: '********' });
    expect(mock.stored('adxIntegration')?.applicationKey).toBe('adx-key-1');
    await mock.post('/api/removeAdxIntegration', {});
    expect((await mock.post('/api/addAdxIntegration', ADX)).status).toBe(422);

    const script = { scriptId: 'script-library-id-001', executeAgentIds: ['1234567890123456789'] };
    expect((await mock.post('/api/executeSentinelOneRemoteScript', script)).status).toBe(422);
    expect((await mock.post('/api/addSentinelOneIntegration', S1)).body.actionErrors).toEqual([
      'Please enter a valid API token.',
    ]);
    const s1 = await mock.post('/api/addSentinelOneIntegration', { ...S1, apiToken: 's1-token-1' });
    expect(s1.body.sentinelOneIntegration).toMatchObject({
      apiToken: '********',
      recurringIntervalSeconds: 3600,
    });
    const first = await mock.post('/api/executeSentinelOneRemoteScript', script);
    const second = await mock.post('/api/executeSentinelOneRemoteScript', script);
    expect(first.body.parentTaskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.body.parentTaskId).not.toBe(first.body.parentTaskId);
  });

  it('Defender: KQL rows follow the query and the seeded dataset; Live Response runs any library script', async () => {
    const query = {
      kqlQuery: "DeviceNetworkEvents | where RemoteIP == '192.0.2.48' | limit 10",
      agentName: 'prod-api-server-01',
    };
    expect((await mock.post('/api/runDefenderKqlQuery', query)).status).toBe(422);
    await mock.post('/api/addMicrosoftDefenderIntegration', DEFENDER);

    const rows = (await mock.post('/api/runDefenderKqlQuery', query)).body.kqlResults;
    expect(rows).toHaveLength(10);
    const issues = await mock.state<TestingIssue>('testingIssues');
    const hosts = new Set(issues.map((i) => new URL(i.id.apiInfoKey.url).hostname));
    const newest = Math.max(...issues.map((i) => i.creationTime));
    for (const row of rows) {
      expect(row).toMatchObject({ DeviceName: 'prod-api-server-01', RemoteIP: '192.0.2.48' });
      expect(hosts.has(row.RemoteUrl)).toBe(true);
      const at = Date.parse(row.Timestamp) / 1000;
      expect(at).toBeLessThanOrEqual(newest);
      expect(at).toBeGreaterThan(newest - 3 * 3600);
    }
    expect((await mock.post('/api/runDefenderKqlQuery', query)).body.kqlResults).toEqual(rows);
    const projected = await mock.post('/api/runDefenderKqlQuery', {
      kqlQuery: 'DeviceInfo | take 2 | project DeviceName, OSPlatform',
    });
    expect(projected.body.kqlResults).toEqual([
      { DeviceName: 'prod-api-server-01', OSPlatform: 'Linux' },
      { DeviceName: 'prod-api-server-01', OSPlatform: 'Linux' },
    ]);

    // Like the server, the mock does not look the script up: the library also holds scripts uploaded
    // outside Akto.
    const live = { deviceIds: ['dev-a', 'dev-b'], scriptName: 'akto-guardrail-check.sh' };
    const results = (await mock.post('/api/runDefenderLiveResponse', live)).body.liveResponseResults;
    expect(results.map((r: { deviceId: string; status: string }) => [r.deviceId, r.status])).toEqual([
      ['dev-a', 'Succeeded'],
      ['dev-b', 'Succeeded'],
    ]);
    expect(new Set(results.map((r: { actionId: string }) => r.actionId)).size).toBe(2);
  });

  it('Slack webhooks: refusals are HTTP 200 {error}; duplicates refused; delete', async () => {
    const added = await mock.post('/api/addSlackWebhook', SLACK);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ ...SLACK, error: null });
    expect(added.body.apiTokenId).toBe(added.body.id);
    expect(added.body.id).toBe(added.body.createdTs);
    const duplicate = await mock.post('/api/addSlackWebhook', { ...SLACK, webhookName: 'other-name' });
    expect(duplicate.status).toBe(200);
    expect(duplicate.body).toEqual({ error: 'This webhook url already exists' });
    const invalid = await mock.post('/api/addSlackWebhook', {
      webhookUrl: 'https://example.com/hook',
      webhookName: 'x',
    });
    expect(invalid.body).toEqual({ error: 'Please enter a valid Slack url' });
    expect(await mock.state('slackWebhooks')).toHaveLength(2);
    expect((await mock.post('/api/deleteSlackWebhook', { webhookName: 'appsec-alerts' })).status).toBe(200);
    expect((await mock.post('/api/deleteSlackWebhook', { webhookName: 'appsec-alerts' })).status).toBe(422);
    // The webhook the documentation's example deletes is there from the start.
    expect((await mock.post('/api/deleteSlackWebhook', { webhookName: 'security-alerts' })).status).toBe(200);
    expect(await mock.state('slackWebhooks')).toEqual([]);
  });

  it('custom webhooks: checkWebhook reflects what exists; headers are masked and kept when sent back masked', async () => {
    expect((await mock.post('/api/checkWebhook', { webhookName: WEBHOOK.webhookName })).body).toEqual({
      webhookPresent: false,
    });
    // The documentation's own webhook is there from the start.
    expect((await mock.post('/api/checkWebhook', { webhookName: 'new-endpoint-notifier' })).body).toEqual({
      webhookPresent: true,
    });
    const created = await mock.post('/api/addCustomWebhook', WEBHOOK);
    expect(created.body).toMatchObject({ id: 1, headerString: '********', activeStatus: 'ACTIVE' });
    expect((await mock.post('/api/checkWebhook', { webhookName: WEBHOOK.webhookName })).body).toEqual({
      webhookPresent: true,
    });

    const updated = await mock.post('/api/updateCustomWebhook', {
      ...WEBHOOK,
      id: 1,
      headerString: '********',
      frequencyInSeconds: 1800,
    });
    expect(updated.body).toMatchObject({ id: 1, frequencyInSeconds: 1800, headerString: '********' });
    expect(mock.stored('customWebhooks', 1)?.headerString).toBe(WEBHOOK.headerString);
    expect((await mock.post('/api/updateCustomWebhook', { ...WEBHOOK, id: 99 })).status).toBe(422);
  });

  it('onboarding skips are idempotent', async () => {
    for (let i = 0; i < 2; i++) {
      const skipped = await mock.post('/api/markConnectionAsSkipped', { connectionSkipped: 'SLACK_ALERTS' });
      expect(skipped.body).toEqual({ connectionSkipped: 'SLACK_ALERTS' });
    }
    expect(await mock.state('skippedConnections')).toHaveLength(1);
  });
});

describe('Akto integrations fixtures', () => {
  it('seed the webhooks the documentation prints and no integration', async () => {
    const mock = await aktoMock();
    const state = (await mock.http.get('/__secmock/state')).body.collections;
    expect(Object.keys(state).sort()).toEqual(['customWebhooks', 'slackWebhooks', 'testingIssues']);
    expect(await mock.state('slackWebhooks')).toEqual([
      expect.objectContaining({ id: 1736930000, webhookName: 'security-alerts' }),
    ]);
    expect(await mock.state('customWebhooks')).toEqual([
      expect.objectContaining({ id: 7, webhookName: 'new-endpoint-notifier', headerString: '********' }),
    ]);
    const updated = await mock.post('/api/updateCustomWebhook', {
      id: 7,
      webhookName: 'new-endpoint-notifier',
      url: 'https://hooks.example.com/akto-events',
      method: 'POST',
      frequencyInSeconds: 1800,
    });
    expect(updated.body).toMatchObject({ id: 7, frequencyInSeconds: 1800 });
  });

  it('seed coherent testing issues; the seed decides the data', async () => {
    const mock = await aktoMock();
    const issues = await mock.state<TestingIssue>('testingIssues');
    expect(issues).toHaveLength(96);
    expect(new Set(issues.map((i) => JSON.stringify(i.id))).size).toBe(96);
    expect(new Set(issues.map((i) => i.id.apiInfoKey.apiCollectionId)).size).toBe(5);
    for (const status of ['OPEN', 'FIXED', 'IGNORED'])
      expect(issues.some((i) => i.testRunIssueStatus === status)).toBe(true);
    expect(issues.every((i) => i.creationTime <= i.lastUpdated)).toBe(true);
    expect(issues.map((i) => i.creationTime)).toEqual(
      [...issues.map((i) => i.creationTime)].sort((a, b) => a - b),
    );
    expect(
      issues.some(
        (i) =>
          i.id.apiInfoKey.url.endsWith('/api/v1/users/1042') && i.id.testSubCategory === 'REPLACE_AUTH_TOKEN',
      ),
    ).toBe(true);

    expect(await (await aktoMock()).state('testingIssues')).toEqual(issues);
    expect(await (await aktoMock({ seed: 2 })).state('testingIssues')).not.toEqual(issues);
  });
});
