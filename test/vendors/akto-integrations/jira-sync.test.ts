import {
  aktoMock,
  findIssue,
  issuesWithStatus,
  JIRA_CREDENTIALS,
  type AktoMock,
  type TestingIssue,
} from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const syncedProject = (enabled: boolean) => ({
  SCRUM: {
    biDirectionalSyncSettings: {
      enabled,
      aktoStatusMappings: { OPEN: ['To Do', 'In Progress'], FIXED: ['Done'], IGNORED: ["Won't Do"] },
    },
    statuses: ['To Do', 'In Progress', 'Done', "Won't Do", 'Blocked'].map((name, i) => ({
      id: String(10000 + i),
      name,
    })),
  },
});

interface SyncRun {
  run: number;
  trigger: string;
  status: string;
  projects: Array<{ projId: string; changes: Array<{ ticketKey: string; outcome: string; to?: string }> }>;
}

describe('Akto Jira bi-directional sync on the virtual clock (document 003)', () => {
  let mock: AktoMock;
  let issues: TestingIssue[];

  const setJiraStatus = async (ticketKey: string, status: string, failNextSync = false) => {
    const response = await mock.http
      .post('/__secmock/akto/jira/tickets/status')
      .send({ ticketKey, status, failNextSync });
    expect(response.status).toBe(200);
  };
  const statusOf = async (i: number) => (await findIssue(mock, issues[i].id)).testRunIssueStatus;
  const sync = async () => (await mock.http.get('/__secmock/akto/jira/sync')).body;
  const lastRun = async (): Promise<SyncRun> => (await sync()).runs.at(-1);
  const changedKeys = (run: SyncRun) =>
    run.projects.flatMap((p) => p.changes.map((c) => `${c.ticketKey}:${c.outcome}`));

  beforeAll(async () => {
    mock = await aktoMock();
    await mock.post('/api/jira/add', { ...JIRA_CREDENTIALS, projectMappings: syncedProject(true) });
    issues = await issuesWithStatus(mock, 'OPEN', 3);
    const bulk = await mock.post('/api/bulkCreateJiraTickets', {
      issuesIds: issues.map((i) => i.id),
      projId: 'SCRUM',
      issueType: 'Bug',
    });
    expect(bulk.body.errorMessage).toBeNull();
  });

  it('new tickets start in the Jira status their Akto status maps to', async () => {
    const tickets = await mock.state<{ jiraTicketKey: string; jiraStatus: string }>('jiraTickets');
    expect(tickets.map((t) => [t.jiraTicketKey, t.jiraStatus])).toEqual([
      ['SCRUM-1', 'To Do'],
      ['SCRUM-2', 'To Do'],
      ['SCRUM-3', 'To Do'],
    ]);
  });

  it('maps a Jira change only when the hourly run has passed', async () => {
    await setJiraStatus('SCRUM-1', 'Done');
    await mock.advanceClock(30 * MINUTE);
    expect(await statusOf(0)).toBe('OPEN');
    expect((await sync()).runs).toEqual([]);
    await mock.advanceClock(30 * MINUTE);
    expect(await statusOf(0)).toBe('FIXED');
    const run = await lastRun();
    expect(run).toMatchObject({ trigger: 'schedule', status: 'SUCCESS' });
    expect(changedKeys(run)).toContain('SCRUM-1:UPDATED');
  });

  it('processes only tickets changed since the last sync, and leaves disallowed transitions unchanged', async () => {
    await setJiraStatus('SCRUM-2', "Won't Do");
    await setJiraStatus('SCRUM-3', 'Blocked'); // in the workflow, but mapped to no Akto status
    await mock.advanceClock(HOUR);
    expect(await statusOf(1)).toBe('IGNORED');
    expect(await statusOf(2)).toBe('OPEN');
    expect(changedKeys(await lastRun())).toEqual(['SCRUM-2:UPDATED', 'SCRUM-3:NOT_ALLOWED']);

    await setJiraStatus('SCRUM-3', 'Archived'); // not a status of the project's workflow
    await mock.advanceClock(HOUR);
    expect(await statusOf(2)).toBe('OPEN');
    expect(changedKeys(await lastRun())).toEqual(['SCRUM-3:NOT_ALLOWED']);
  });

  it('logs and skips an error on one ticket, and does not retry it', async () => {
    await setJiraStatus('SCRUM-1', 'In Progress', true);
    await setJiraStatus('SCRUM-2', 'Done');
    await mock.advanceClock(HOUR);
    expect(changedKeys(await lastRun())).toEqual(['SCRUM-1:ERROR', 'SCRUM-2:UPDATED']);
    expect(await statusOf(0)).toBe('FIXED');
    expect(await statusOf(1)).toBe('FIXED');
    await mock.advanceClock(HOUR);
    expect(changedKeys(await lastRun())).toEqual([]);
    expect(await statusOf(0)).toBe('FIXED');
  });

  it('stops while disabled and, enabled again, picks up the changes made while it was off', async () => {
    await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      apiToken: '********',
      projectMappings: syncedProject(false),
    });
    const before = (await sync()).projects[0];
    expect(before).toMatchObject({ projId: 'SCRUM', enabled: false });
    await setJiraStatus('SCRUM-3', 'Done');
    await mock.advanceClock(2 * HOUR);
    expect(await statusOf(2)).toBe('OPEN');
    expect((await sync()).projects[0].lastSuccessfulSyncAt).toBe(before.lastSuccessfulSyncAt);

    await mock.post('/api/jira/add', {
      ...JIRA_CREDENTIALS,
      apiToken: '********',
      projectMappings: syncedProject(true),
    });
    await mock.advanceClock(HOUR);
    expect(await statusOf(2)).toBe('FIXED');
    expect(changedKeys(await lastRun())).toEqual(['SCRUM-3:UPDATED']);
  });

  it('catches up after runs that failed, since only the last successful sync counts', async () => {
    await mock.http.post('/__secmock/akto/jira/sync/outage').send({ runs: 2 });
    await setJiraStatus('SCRUM-3', "Won't Do");
    await mock.advanceClock(2 * HOUR);
    expect(await statusOf(2)).toBe('FIXED');
    expect((await sync()).runs.slice(-2).map((r: SyncRun) => r.status)).toEqual(['FAILED', 'FAILED']);
    await mock.advanceClock(HOUR);
    expect(await statusOf(2)).toBe('IGNORED');
  });

  it('runs on demand through the admin route', async () => {
    await setJiraStatus('SCRUM-1', 'To Do');
    const manual = await mock.http.post('/__secmock/akto/jira/sync');
    expect(manual.body.run).toMatchObject({ trigger: 'manual', status: 'SUCCESS' });
    expect(await statusOf(0)).toBe('OPEN');
    const missing = await mock.http
      .post('/__secmock/akto/jira/tickets/status')
      .send({ ticketKey: 'SCRUM-99', status: 'Done' });
    expect(missing.status).toBe(404);
  });
});
