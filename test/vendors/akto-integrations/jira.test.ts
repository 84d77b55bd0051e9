import { VENDOR_SPECS } from '../../helpers/paths';
import {
  aktoMock,
  findIssue,
  fixturesWithThreatEvents,
  issuesWithStatus,
  JIRA_CREDENTIALS,
  type AktoMock,
} from './helpers';

const mapping = (enabled = false) => ({ biDirectionalSyncSettings: { enabled } });

describe('Akto Jira integration', () => {
  let mock: AktoMock;
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
  });

  it('starts unconfigured: ticket operations fail with the 422 actionErrors envelope', async () => {
    const [issue] = await issuesWithStatus(mock, 'OPEN', 1);
    const refused = await mock.post('/api/createJiraIssue', {
      jiraMetaData: { testingIssueId: issue.id },
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.actionErrors).toEqual([expect.stringContaining('jiraIntegration')]);
    const attach = await mock.post('/api/attachFileToIssue', { issueId: 'SCRUM-1' });
    expect(attach.status).toBe(422);
    expect(await mock.state('jiraTickets')).toEqual([]);
  });

  it.each(['', 'lower case!', 'S', '1SCRUM', 'SCRUM-1'])(
    'refuses the project key %p, which Jira cannot have, in every request that names one',
    async (key) => {
      const added = await mock.post('/api/jira/add', {
        ...JIRA_CREDENTIALS,
        projectMappings: { [key]: mapping() },
      });
      expect(added.status).toBe(422);
      expect(added.body.actionErrors.join(' ')).toContain('projectMappings');
      await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: mapping() } });
      const [issue] = await issuesWithStatus(mock, 'OPEN', 1);
      const ticket = await mock.post('/api/createJiraIssue', {
        jiraMetaData: { testingIssueId: issue.id },
        projId: key,
        issueType: 'Bug',
      });
      expect(ticket.status).toBe(422);
      expect(ticket.body.actionErrors.join(' ')).toContain('projId');
      expect(await mock.state('jiraTickets')).toEqual([]);
      expect(Object.keys(mock.stored('jiraIntegration')?.projectMappings as object)).toEqual(['SCRUM']);
    },
  );

  it('jira/add merges projects, masks the token, keeps it when sent back masked, and caps at 10 projects', async () => {
    const first = await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      projectMappings: { SCRUM: mapping() },
    });
    expect(first.status).toBe(200);
    expect(first.body.jiraIntegration.apiToken).toBe('********');
    expect(first.body.failedProjectKeys).toEqual([]);
    expect(
      first.body.jiraIntegration.projectIdsMap.SCRUM.map((t: { issueType: string }) => t.issueType),
    ).toContain('Bug');

    const second = await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      apiToken: '********',
      projectMappings: { API: mapping() },
    });
    expect(Object.keys(second.body.jiraIntegration.projectMappings).sort()).toEqual(['API', 'SCRUM']);
    expect(mock.stored('jiraIntegration')?.apiToken).toBe('jira-token-1234');

    const eight = Object.fromEntries(
      ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'].map((k) => [k, mapping()]),
    );
    expect((await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: eight })).status).toBe(
      200,
    );
    const eleventh = await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      projectMappings: { P9: mapping() },
    });
    expect(eleventh.status).toBe(422);
    expect(eleventh.body).toEqual({ actionErrors: ['You can add up to 10 projects per integration.'] });
    expect(Object.keys(mock.stored('jiraIntegration')?.projectMappings as object)).toHaveLength(10);
  });

  it('jira/delete removes a project; an unknown key is a no-op; an integration without projects refuses', async () => {
    await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      projectMappings: { SCRUM: mapping(), API: mapping() },
    });
    const removed = await mock.post('/api/jira/delete', { projId: 'SCRUM' });
    expect(removed.body).toEqual({ projId: 'SCRUM' });
    expect(Object.keys(mock.stored('jiraIntegration')?.projectMappings as object)).toEqual(['API']);
    expect((await mock.post('/api/jira/delete', { projId: 'NOPE' })).status).toBe(200);
    await mock.post('/api/jira/delete', { projId: 'API' });
    const empty = await mock.post('/api/jira/delete', { projId: 'API' });
    expect(empty.status).toBe(422);
    expect(empty.body.actionErrors).toEqual(['Atleast one project is required for Jira Integration']);
  });

  it('creates tickets keyed per project with URLs from the base URL, linked to the issue, with mapped priority', async () => {
    await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      projectMappings: { SCRUM: mapping(), API: mapping() },
    });
    const values = { CRITICAL: '1', HIGH: '2', MEDIUM: '3', LOW: '4' };
    const saved = await mock.post('/api/jira/savePriorityFieldMapping', {
      projId: 'SCRUM',
      fieldId: 'priority',
      fieldValuesMap: values,
    });
    expect(saved.body).toEqual({
      projId: 'SCRUM',
      projectKey: 'SCRUM',
      priorityFieldMapping: { fieldId: 'priority', severityToValueMap: values },
    });
    expect(mock.stored('jiraIntegration')?.projectMappings).toMatchObject({
      SCRUM: { priorityFieldMapping: { fieldId: 'priority', severityToValueMap: values } },
    });

    const [a, b, c] = await issuesWithStatus(mock, 'OPEN', 3);
    const create = (id: unknown, projId: string) =>
      mock.post('/api/createJiraIssue', {
        jiraMetaData: { testingIssueId: id, issueTitle: 'BOLA' },
        projId,
        issueType: 'Bug',
      });
    const keys = [
      (await create(a.id, 'SCRUM')).body,
      (await create(b.id, 'API')).body,
      (await create(c.id, 'SCRUM')).body,
    ];
    expect(keys.map((k) => k.jiraTicketKey)).toEqual(['SCRUM-1', 'API-1', 'SCRUM-2']);
    expect(keys[2].jiraTicketUrl).toBe('https://example-org.atlassian.net/browse/SCRUM-2');
    expect((await create(a.id, 'OPS')).status).toBe(422);

    const linked = await findIssue(mock, a.id);
    expect(linked).toMatchObject({
      jiraIssueUrl: keys[0].jiraTicketUrl,
      ticketSource: 'JIRA',
      ticketProjectKey: 'SCRUM',
      ticketId: 'SCRUM-1',
    });
    const tickets = await mock.state<{ jiraTicketKey: string; priority: string | null }>('jiraTickets');
    expect(tickets.find((t) => t.jiraTicketKey === 'SCRUM-1')?.priority).toBe(
      values[a.severity as keyof typeof values],
    );
    expect(tickets.find((t) => t.jiraTicketKey === 'API-1')?.priority).toBeNull();
  });

  it('bulkCreateJiraTickets skips issues that already have a ticket and reports each item', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: mapping() } });
    const [a, b, c] = await issuesWithStatus(mock, 'OPEN', 3);
    await mock.post('/api/createJiraIssue', {
      jiraMetaData: { testingIssueId: a.id },
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    const bulk = await mock.post('/api/bulkCreateJiraTickets', {
      issuesIds: [a.id, b.id, c.id],
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    expect(bulk.body.errorMessage).toBe(
      'Jira tickets created for all selected issues, except for 1 issues that already have tickets.',
    );
    expect(
      bulk.body.results.map((r: { outcome: string; ticketId: string | null }) => [r.outcome, r.ticketId]),
    ).toEqual([
      ['SKIPPED', null],
      ['CREATED', 'SCRUM-2'],
      ['CREATED', 'SCRUM-3'],
    ]);
    expect((await findIssue(mock, c.id)).jiraIssueUrl).toBe(
      'https://example-org.atlassian.net/browse/SCRUM-3',
    );
    const again = await mock.post('/api/bulkCreateJiraTickets', {
      issuesIds: [b.id, c.id],
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    expect(again.body.errorMessage).toBe(
      'All selected issues already have existing Jira tickets. No new tickets were created.',
    );
    expect(await mock.state('jiraTickets')).toHaveLength(3);
  });

  it('attachFileToIssue works only on a ticket that exists', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: mapping() } });
    const [a] = await issuesWithStatus(mock, 'OPEN', 1);
    await mock.post('/api/createJiraIssue', {
      jiraMetaData: { testingIssueId: a.id },
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    const unknown = await mock.post('/api/attachFileToIssue', { issueId: 'SCRUM-9', origReq: 'GET /' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.actionErrors).toEqual(["Jira issue 'SCRUM-9' not found."]);
    const attached = await mock.post('/api/attachFileToIssue', {
      issueId: 'SCRUM-1',
      origReq: 'GET /',
      testReq: 'GET /x',
    });
    expect(attached.body).toEqual({ issueId: 'SCRUM-1' });
    const [ticket] = await mock.state<{ attachments: Array<{ sizeBytes: number }> }>('jiraTickets');
    expect(ticket.attachments).toEqual([expect.objectContaining({ sizeBytes: 'GET /GET /x'.length })]);
  });

  it('testIntegration resolves well-formed project keys and refuses when none is left', async () => {
    const ok = await mock.post('/api/testIntegration', { ...JIRA_CREDENTIALS, projId: 'SCRUM, API,bad-key' });
    expect(Object.keys(ok.body.projectAndIssueMap)).toEqual(['SCRUM', 'API']);
    const none = await mock.post('/api/testIntegration', { ...JIRA_CREDENTIALS, projId: 'x,y' });
    expect(none.status).toBe(422);
  });

  it('the generic addIntegration save keeps a token sent back masked', async () => {
    await mock.post('/api/addIntegration', { ...JIRA_CREDENTIALS, projId: 'SCRUM' });
    const saved = await mock.post('/api/addIntegration', {
      ...JIRA_CREDENTIALS,
      apiToken: '********',
      projId: 'SCRUM',
      issueType: 'Task',
    });
    expect(saved.body.jiraIntegration).toMatchObject({ apiToken: '********', issueType: 'Task' });
    expect(mock.stored('jiraIntegration')?.apiToken).toBe('jira-token-1234');
  });

  it('createGeneralJiraTicket without the threat-detection spec keeps the event id on the ticket only', async () => {
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: mapping() } });
    const created = await mock.post('/api/createGeneralJiraTicket', {
      projId: 'SCRUM',
      issueType: 'Bug',
      title: 'Threat',
      threatEventId: 'anything',
    });
    expect(created.body).toEqual({ jiraTicketUrl: 'https://example-org.atlassian.net/browse/SCRUM-1' });
    expect((await mock.state<{ threatEventId: string }>('jiraTickets'))[0].threatEventId).toBe('anything');
  });
});

describe('Akto Jira tickets for threat events (threat-detection spec served too)', () => {
  it('links the ticket to the event, and refuses an unknown event without creating a ticket', async () => {
    const mock = await aktoMock({
      specs: [VENDOR_SPECS.aktoIntegrations, VENDOR_SPECS.aktoThreatDetection],
      seedDir: fixturesWithThreatEvents(),
    });
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: { SCRUM: mapping() } });
    const [event] = await mock.state<{ id: string; jiraTicketUrl?: string }>('maliciousEvents');
    const unknown = await mock.post('/api/createGeneralJiraTicket', {
      projId: 'SCRUM',
      issueType: 'Bug',
      title: 'x',
      threatEventId: 'no-such-event',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.actionErrors).toEqual(["Threat event 'no-such-event' not found."]);
    expect(await mock.state('jiraTickets')).toEqual([]);

    const created = await mock.post('/api/createGeneralJiraTicket', {
      projId: 'SCRUM',
      issueType: 'Bug',
      title: 'Threat',
      threatEventId: event.id,
    });
    const linked = (await mock.state<{ id: string; jiraTicketUrl?: string }>('maliciousEvents')).find(
      (e) => e.id === event.id,
    );
    expect(linked?.jiraTicketUrl).toBe(created.body.jiraTicketUrl);
  });
});
