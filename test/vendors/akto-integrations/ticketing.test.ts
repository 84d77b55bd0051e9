import { VENDOR_SPECS } from '../../helpers/paths';
import {
  aktoMock,
  findIssue,
  fixturesWithThreatEvents,
  issuesWithStatus,
  type AktoMock,
  type TestingIssue,
} from './helpers';

const AZURE = {
  azureBoardsBaseUrl: 'https://dev.azure.com',
  organization: 'example-corp',
  projectList: ['AktoSecurity', 'InfraTeam'],
  personalAuthToken: 'azure-pat-1',
};
const DEVREV = {
  orgUrl: 'https://app.devrev.ai/example-org',
  personalAccessToken: 'devrev-pat-1',
  partsIdToNameMap: { 'PROD-001': 'Payments API' },
};
const SERVICENOW = {
  instanceUrl: 'https://example.service-now.com',
  clientId: 'c3d4e5f6a7b8c9d0',
  clientSecret: 'snow-secret-1',
  tableNames: ['incident', 'problem'],
};

describe('Akto Azure Boards, DevRev and ServiceNow tickets', () => {
  let mock: AktoMock;
  let issues: TestingIssue[];
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
    issues = await issuesWithStatus(mock, 'OPEN', 3);
  });

  it('Azure Boards: configure, create numbered work items linked to issues, bulk-skip, remove', async () => {
    const unconfigured = await mock.post('/api/createAzureBoardsWorkItem', {
      workItemType: 'Bug',
      projectName: 'AktoSecurity',
    });
    expect(unconfigured.status).toBe(422);
    expect(unconfigured.body.actionErrors).toHaveLength(1);

    const saved = await mock.post('/api/addAzureBoardsIntegration', AZURE);
    expect(saved.body.azureBoardsIntegration).toMatchObject({
      personalAuthToken: '********',
      organization: 'example-corp',
    });
    expect(saved.body.azureBoardsIntegration.projectToWorkItemsMap.InfraTeam).toContain('Bug');

    const first = await mock.post('/api/createAzureBoardsWorkItem', {
      workItemType: 'Bug',
      projectName: 'AktoSecurity',
      testingIssuesId: issues[0].id,
    });
    expect(first.body.azureBoardsWorkItemUrl).toBe(
      'https://dev.azure.com/example-corp/AktoSecurity/_workitems/edit/42',
    );
    expect(await findIssue(mock, issues[0].id)).toMatchObject({
      azureBoardsWorkItemUrl: first.body.azureBoardsWorkItemUrl,
      ticketSource: 'AZURE_BOARDS',
      ticketId: '42',
    });
    const general = await mock.post('/api/createGeneralAzureBoardsWorkItem', {
      workItemType: 'Task',
      projectName: 'InfraTeam',
      title: 'Threat',
    });
    expect(general.body.azureBoardsWorkItemUrl).toMatch(/\/InfraTeam\/_workitems\/edit\/43$/);
    expect(
      (await mock.post('/api/createAzureBoardsWorkItem', { workItemType: 'Bug', projectName: 'Other' }))
        .status,
    ).toBe(422);

    const bulk = await mock.post('/api/bulkCreateAzureWorkItems', {
      testingIssuesIdList: issues.map((i) => i.id),
      projectName: 'AktoSecurity',
      workItemType: 'Bug',
    });
    expect(bulk.body.errorMessage).toBe(
      'Azure board work items created for all selected issues, except for 1 issues that already have work items.',
    );
    expect(
      bulk.body.results.map((r: { outcome: string; ticketId: string }) => [r.outcome, r.ticketId]),
    ).toEqual([
      ['SKIPPED', null],
      ['CREATED', '44'],
      ['CREATED', '45'],
    ]);

    await mock.post('/api/removeAzureBoardsIntegration', {});
    expect(
      (
        await mock.post('/api/createAzureBoardsWorkItem', {
          workItemType: 'Bug',
          projectName: 'AktoSecurity',
        })
      ).status,
    ).toBe(422);
  });

  it('DevRev: display ids increase from 101 (ISS/TKT), URLs from the org, unknown parts refused', async () => {
    const body = (extra = {}) => ({
      testingIssuesIdList: [issues[0].id],
      partId: 'PROD-001',
      workItemType: 'issue',
      ...extra,
    });
    expect((await mock.post('/api/createDevRevTickets', body())).status).toBe(422);
    const saved = await mock.post('/api/addDevRevIntegration', DEVREV);
    expect(saved.body.devrevIntegration).toMatchObject({
      personalAccessToken: '********',
      partsMap: DEVREV.partsIdToNameMap,
    });

    expect((await mock.post('/api/createDevRevTickets', body({ partId: 'PROD-404' }))).status).toBe(422);
    const created = await mock.post(
      '/api/createDevRevTickets',
      body({ testingIssuesIdList: [issues[0].id, issues[1].id] }),
    );
    expect(created.body.results.map((r: { ticketId: string }) => r.ticketId)).toEqual(['ISS-101', 'ISS-102']);
    expect((await findIssue(mock, issues[1].id)).devrevWorkUrl).toBe(
      'https://app.devrev.ai/example-org/works/ISS-102',
    );
    const tickets = await mock.post(
      '/api/createDevRevTickets',
      body({ testingIssuesIdList: [issues[1].id, issues[2].id], workItemType: 'ticket' }),
    );
    expect(tickets.body.errorMessage).toBe(
      'DevRev tickets created for all selected issues, except for 1 issues that already have tickets.',
    );
    expect(tickets.body.results[1].ticketId).toBe('TKT-103');

    await mock.post('/api/removeDevRevIntegration', {});
    expect((await mock.post('/api/createDevRevTickets', body())).status).toBe(422);
  });

  it('ServiceNow: INC/PRB numbers from one counter, deterministic sys_id URLs, bulk skips', async () => {
    expect((await mock.post('/api/createServiceNowTicket', { tableName: 'incident' })).status).toBe(422);
    await mock.post('/api/addServiceNowIntegration', SERVICENOW);
    const incident = await mock.post('/api/createServiceNowTicket', {
      tableName: 'incident',
      testingIssuesId: issues[0].id,
    });
    expect(incident.body.serviceNowTicketNumber).toBe('INC0012345');
    expect(incident.body.serviceNowTicketUrl).toMatch(
      /^https:\/\/example\.service-now\.com\/nav_to\.do\?uri=incident\.do\?sys_id=[0-9a-f]{32}$/,
    );
    expect(await findIssue(mock, issues[0].id)).toMatchObject({
      servicenowIssueUrl: incident.body.serviceNowTicketUrl,
      ticketId: 'INC0012345',
    });
    const problem = await mock.post('/api/createServiceNowTicket', { tableName: 'problem' });
    expect(problem.body.serviceNowTicketNumber).toBe('PRB0012346');
    expect((await mock.post('/api/createServiceNowTicket', { tableName: 'change_request' })).status).toBe(
      422,
    );

    const bulk = await mock.post('/api/bulkCreateServiceNowTickets', {
      testingIssuesIdList: issues.map((i) => i.id),
      tableName: 'incident',
    });
    expect(
      bulk.body.results.map((r: { outcome: string; ticketId: string }) => [r.outcome, r.ticketId]),
    ).toEqual([
      ['SKIPPED', null],
      ['CREATED', 'INC0012347'],
      ['CREATED', 'INC0012348'],
    ]);

    // Same seed, same requests: the same numbers and URLs.
    await mock.http.post('/__secmock/reset');
    await mock.post('/api/addServiceNowIntegration', SERVICENOW);
    const again = await mock.post('/api/createServiceNowTicket', {
      tableName: 'incident',
      testingIssuesId: issues[0].id,
    });
    expect(again.body).toEqual(incident.body);
  });

  it('ServiceNow sys_ids depend on the seed', async () => {
    const other = await aktoMock({ seed: 7 });
    await mock.post('/api/addServiceNowIntegration', SERVICENOW);
    await other.post('/api/addServiceNowIntegration', SERVICENOW);
    const mine = await mock.post('/api/createServiceNowTicket', { tableName: 'incident' });
    const theirs = await other.post('/api/createServiceNowTicket', { tableName: 'incident' });
    expect(theirs.body.serviceNowTicketNumber).toBe(mine.body.serviceNowTicketNumber);
    expect(theirs.body.serviceNowTicketUrl).not.toBe(mine.body.serviceNowTicketUrl);
  });
});

describe('Akto Azure Boards work items for threats (threat-detection spec served too)', () => {
  it('a threat policy named by templateId gives the title `<policy> - <endpoint>`', async () => {
    const mock = await aktoMock({
      specs: [VENDOR_SPECS.aktoIntegrations, VENDOR_SPECS.aktoThreatDetection],
      seedDir: fixturesWithThreatEvents(),
    });
    await mock.post('/api/addAzureBoardsIntegration', AZURE);
    const [policy] = await mock.state<{ id: string; info: { name: string } }>('filterTemplates');
    const body = {
      workItemType: 'Bug',
      projectName: 'AktoSecurity',
      title: 'Threat',
      endpoint: '/api/v1/chat',
    };
    await mock.post('/api/createGeneralAzureBoardsWorkItem', { ...body, templateId: policy.id });
    await mock.post('/api/createGeneralAzureBoardsWorkItem', { ...body, templateId: 'no-such-policy' });
    const items = await mock.state<{ title: string }>('azureBoardsWorkItems');
    expect(items.map((i) => i.title)).toEqual([`${policy.info.name} - /api/v1/chat`, 'Threat']);
  });
});
