import { aktoMock, issuesWithStatus, JIRA_CREDENTIALS, type AktoMock } from './helpers';

/**
 * The body shapes the Akto dashboard sends beside the document's (x-secmock.accepts): each updates the same
 * state the document's shape does, and acts as the server does where no document shape can say it.
 */
const STATUS_MAPPINGS = { OPEN: ['To Do'], FIXED: ['Done'], IGNORED: ["Won't Do"] };
const syncOn = { biDirectionalSyncSettings: { enabled: true, aktoStatusMappings: STATUS_MAPPINGS } };
const syncOff = { biDirectionalSyncSettings: { enabled: false, aktoStatusMappings: null } };
const VALUES = { CRITICAL: '1', HIGH: '2', MEDIUM: '3', LOW: '4' };

describe('Akto integrations: the dashboard’s shapes', () => {
  let mock: AktoMock;
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
  });

  const projectMappings = () => mock.stored('jiraIntegration')?.projectMappings as Record<string, unknown>;

  it('savePriorityFieldMapping {projectKey, priorityFieldMapping} stores what the document’s shape stores', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: syncOn } });
    await mock.post('/api/jira/savePriorityFieldMapping', {
      projId: 'SCRUM',
      fieldId: 'priority',
      fieldValuesMap: VALUES,
    });
    const byDocument = projectMappings();

    await mock.http.post('/__secmock/reset');
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: syncOn } });
    const saved = await mock.postAsDashboard('/api/jira/savePriorityFieldMapping', {
      projectKey: 'SCRUM',
      priorityFieldMapping: { fieldId: 'priority', severityToValueMap: VALUES },
    });
    expect(saved.status).toBe(200);
    expect(saved.departures).toEqual(expect.arrayContaining(['body.projId: is required']));
    expect(saved.body).toMatchObject({
      projectKey: 'SCRUM',
      priorityFieldMapping: { severityToValueMap: VALUES },
    });
    expect(projectMappings()).toEqual(byDocument);
    expect(byDocument.SCRUM).toMatchObject({
      priorityFieldMapping: { fieldId: 'priority', severityToValueMap: VALUES },
    });

    const [issue] = await issuesWithStatus(mock, 'OPEN', 1);
    const ticket = await mock.post('/api/createJiraIssue', {
      jiraMetaData: { testingIssueId: issue.id },
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    const stored = mock.stored('jiraTickets', ticket.body.jiraTicketKey);
    expect(stored?.priority).toBe(VALUES[issue.severity as keyof typeof VALUES] ?? null);
  });

  it('the dashboard’s mapping keeps its field name, type and display names; a missing field id is priority', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: syncOn } });
    const mapping = {
      fieldName: 'Security Severity',
      fieldType: 'option',
      severityToValueMap: { CRITICAL: '10210' },
      severityToDisplayNameMap: { CRITICAL: 'S1 - Critical' },
    };
    // Like the server, an unknown project key is not refused: the mapping is stored under it.
    await mock.postAsDashboard('/api/jira/savePriorityFieldMapping', {
      projectKey: 'OPS',
      priorityFieldMapping: mapping,
    });
    expect(projectMappings().OPS).toEqual({ priorityFieldMapping: { fieldId: 'priority', ...mapping } });
  });

  it('jira/add: a mapping sent with sync off (aktoStatusMappings null) disables sync and clears a priority mapping', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: syncOn } });
    await mock.post('/api/jira/savePriorityFieldMapping', {
      projId: 'SCRUM',
      fieldId: 'priority',
      fieldValuesMap: VALUES,
    });
    const statuses = [{ id: '1', name: 'To Do', statusCategory: { id: '2', name: 'To Do', key: 'new' } }];
    const off = await mock.postAsDashboard('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      apiToken: '**********************',
      projectMappings: { SCRUM: { ...syncOff, statuses, priorityFieldMapping: null } },
    });
    expect(off.status).toBe(200);
    expect(off.departures).toEqual([
      'body.projectMappings.SCRUM.biDirectionalSyncSettings.aktoStatusMappings: must be object',
    ]);
    expect(off.body.jiraIntegration.projectMappings.SCRUM).toEqual({
      biDirectionalSyncSettings: { enabled: false, aktoStatusMappings: null },
      statuses: null,
      priorityFieldMapping: null,
    });
    const sync = (await mock.http.get('/__secmock/akto/jira/sync')).body;
    expect(sync.projects).toEqual([expect.objectContaining({ projId: 'SCRUM', enabled: false })]);
    expect((await mock.http.post('/__secmock/akto/jira/sync')).body.run).toBeNull();
  });

  it('attachFileToIssue with an agentic result (testReq null) attaches the conversation alone', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: syncOn } });
    const [issue] = await issuesWithStatus(mock, 'OPEN', 1);
    const { jiraTicketKey } = (
      await mock.post('/api/createJiraIssue', {
        jiraMetaData: { testingIssueId: issue.id },
        projId: 'SCRUM',
        issueType: 'Bug',
      })
    ).body;
    const conversation = { origReq: '[attacker] hi\n[agent] 200', testReq: null, issueId: jiraTicketKey };
    const attached = await mock.postAsDashboard('/api/attachFileToIssue', {
      ...conversation,
      agenticResult: true,
    });
    expect([attached.status, attached.body]).toEqual([200, { issueId: jiraTicketKey }]);
    expect(attached.departures).toEqual(['body.testReq: must be string']);
    await mock.postAsDashboard('/api/attachFileToIssue', {
      ...conversation,
      origReq: '',
      agenticResult: true,
    });
    expect(mock.stored('jiraTickets', jiraTicketKey)?.attachments).toEqual([
      expect.objectContaining({ fileName: 'agentic-conversation-1.txt', sizeBytes: 25 }),
    ]);
  });
});

const WEBHOOK = {
  url: 'https://exampleorg.webhook.office.com/webhookb2/1',
  method: 'POST',
  frequencyInSeconds: 900,
};

describe('Akto webhooks: the dashboard’s shapes', () => {
  let mock: AktoMock;
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
  });

  it('checkWebhook {webhookType, webhookOption} answers whether a webhook of that type fires on that event', async () => {
    const check = async (webhookType: string, webhookOption: string) => {
      const answer = await mock.postAsDashboard('/api/checkWebhook', { webhookType, webhookOption });
      expect(answer.departures).toEqual(['body.webhookName: is required']);
      return answer.body.webhookPresent as boolean;
    };
    expect(await check('MICROSOFT_TEAMS', 'TESTING_RUN_RESULTS')).toBe(false);
    // The documentation's webhook 7 has the type GENERAL, which the server knows as DEFAULT.
    expect(await check('DEFAULT', 'NEW_ENDPOINT')).toBe(true);
    await mock.post('/api/addCustomWebhook', {
      ...WEBHOOK,
      webhookName: 'appsec-teams',
      webhookType: 'MICROSOFT_TEAMS',
      selectedWebhookOptions: ['TESTING_RUN_RESULTS'],
    });
    expect(await check('MICROSOFT_TEAMS', 'TESTING_RUN_RESULTS')).toBe(true);
    expect(await check('GMAIL', 'TESTING_RUN_RESULTS')).toBe(false);
    const unknownType = await mock.postAsDashboard('/api/checkWebhook', {
      webhookType: 'SLACK',
      webhookOption: 'TESTING_RUN_RESULTS',
    });
    expect(unknownType.status).toBe(422);
  });

  it('updateCustomWebhook in custom-payload mode stores the option lists as null', async () => {
    const created = await mock.post('/api/addCustomWebhook', {
      ...WEBHOOK,
      webhookName: 'siem',
      selectedWebhookOptions: ['NEW_ENDPOINT'],
      newEndpointCollections: ['api.example-org.com'],
    });
    const nulls = {
      selectedWebhookOptions: null,
      newEndpointCollections: null,
      newSensitiveEndpointCollections: null,
    };
    const updated = await mock.postAsDashboard('/api/updateCustomWebhook', {
      ...WEBHOOK,
      id: created.body.id,
      webhookName: 'siem',
      body: '{"source": "akto", "count": 1}',
      ...nulls,
    });
    expect(updated.status).toBe(200);
    expect(updated.departures).toEqual(['body.selectedWebhookOptions: must be array']);
    expect(mock.stored('customWebhooks', created.body.id)).toMatchObject(nulls);
  });

  it('new custom webhooks skip the id the documentation’s webhook holds', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 7; n++)
      ids.push((await mock.post('/api/addCustomWebhook', { ...WEBHOOK, webhookName: `w${n}` })).body.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 8]);
    expect(mock.stored('customWebhooks', 7)?.webhookName).toBe('new-endpoint-notifier');
  });

  it('deleteSlackWebhook {apiTokenId} deletes the webhook with that id; an unknown id is answered 200', async () => {
    const added = await mock.post('/api/addSlackWebhook', {
      webhookUrl: 'https://hooks.slack.com/services/T0/B0/x',
      webhookName: 'appsec-alerts',
    });
    const deleted = await mock.postAsDashboard('/api/deleteSlackWebhook', {
      apiTokenId: added.body.apiTokenId,
    });
    expect([deleted.status, deleted.body]).toEqual([200, {}]);
    expect(deleted.departures).toEqual(['body.webhookName: is required']);
    expect(mock.stored('slackWebhooks', 'appsec-alerts')).toBeUndefined();
    expect((await mock.postAsDashboard('/api/deleteSlackWebhook', { apiTokenId: 1 })).status).toBe(200);
    expect(await mock.state('slackWebhooks')).toHaveLength(1);
    const byId = await mock.postAsDashboard('/api/deleteSlackWebhook', { apiTokenId: 1736930000 });
    expect(byId.status).toBe(200);
    expect(await mock.state('slackWebhooks')).toEqual([]);
  });
});
