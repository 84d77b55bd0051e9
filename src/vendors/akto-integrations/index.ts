import {
  addAdxIntegration,
  addAzureBoardsIntegration,
  addSentinelOneIntegration,
  addSlackWebhook,
} from './behaviours/integration-config';
import { runDefenderKqlQuery, runDefenderLiveResponse } from './behaviours/defender';
import { generateTestingIssues } from './seed/testing-issues';
import {
  bulkCreateAzureWorkItems,
  createAzureBoardsWorkItem,
  createGeneralAzureBoardsWorkItem,
} from './behaviours/azure-boards';
import {
  bulkCreateServiceNowTickets,
  createDevRevTickets,
  createServiceNowTicket,
} from './behaviours/ticketing';
import { jiraAdminRoutes } from './admin';
import {
  addIntegration,
  jiraAdd,
  jiraDelete,
  jiraSavePriorityFieldMapping,
  testIntegration,
} from './behaviours/jira-config';
import { runScheduledSyncs } from './behaviours/jira-sync';
import {
  attachFileToIssue,
  bulkCreateJiraTickets,
  createGeneralJiraTicket,
  createJiraIssue,
} from './behaviours/jira-tickets';
import type { BehaviourModule } from '../../mock/plugin';

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
