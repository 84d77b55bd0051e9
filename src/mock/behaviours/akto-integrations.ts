import {
  addAdxIntegration,
  addAzureBoardsIntegration,
  addSentinelOneIntegration,
  addSlackWebhook,
} from './akto-integrations-config';
import { runDefenderKqlQuery, runDefenderLiveResponse } from './akto-integrations-defender';
import { generateTestingIssues } from './akto-integrations-fixtures';
import {
  bulkCreateAzureWorkItems,
  createAzureBoardsWorkItem,
  createGeneralAzureBoardsWorkItem,
} from './akto-integrations-azure';
import {
  bulkCreateServiceNowTickets,
  createDevRevTickets,
  createServiceNowTicket,
} from './akto-integrations-ticketing';
import { jiraAdminRoutes } from './akto-jira-admin';
import {
  addIntegration,
  jiraAdd,
  jiraDelete,
  jiraSavePriorityFieldMapping,
  testIntegration,
} from './akto-jira-config';
import { runScheduledSyncs } from './akto-jira-sync';
import {
  attachFileToIssue,
  bulkCreateJiraTickets,
  createGeneralJiraTicket,
  createJiraIssue,
} from './akto-jira-tickets';
import type { BehaviourModule } from './types';

/**
 * Behaviours of the Akto integration operations (x-secmock.behaviour: akto.<name>): Jira with its hourly
 * bi-directional status sync (document 003), Azure Boards, DevRev and ServiceNow tickets linked to the
 * seeded testing issues, SIEM/EDR configurations whose secrets survive being sent back masked, Defender
 * KQL rows derived from the seeded dataset, and Slack's 200-with-error refusals.
 */
export const aktoIntegrationsModule: BehaviourModule = {
  name: 'akto',
  behaviours: {
    jiraAdd,
    jiraDelete,
    jiraSavePriorityFieldMapping,
    testIntegration,
    addIntegration,
    createJiraIssue,
    bulkCreateJiraTickets,
    attachFileToIssue,
    createGeneralJiraTicket,
    addAzureBoardsIntegration,
    createAzureBoardsWorkItem,
    bulkCreateAzureWorkItems,
    createGeneralAzureBoardsWorkItem,
    createDevRevTickets,
    createServiceNowTicket,
    bulkCreateServiceNowTickets,
    addAdxIntegration,
    addSentinelOneIntegration,
    runDefenderKqlQuery,
    runDefenderLiveResponse,
    addSlackWebhook,
  },
  generators: { testingIssues: generateTestingIssues },
  adminRoutes: jiraAdminRoutes,
  onClockAdvance: runScheduledSyncs,
};
