import {
  addAdxIntegration,
  addAzureBoardsIntegration,
  addDevRevIntegration,
  addMicrosoftDefenderIntegration,
  addSentinelOneIntegration,
} from './behaviours/integration-config';
import { addSlackWebhook, checkWebhook, deleteSlackWebhook } from './behaviours/webhooks';
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
import type { VendorModule } from '../../mock';
import { onSeedStream } from '../seed-stream';

/**
 * Akto integrations (specs/akto-integrations.yaml; x-secmock.behaviour names resolve here): Jira with its
 * hourly bi-directional status sync (the Akto Jira guide), Azure Boards, DevRev and ServiceNow tickets linked to the
 * seeded testing issues, SIEM/EDR configurations whose secrets survive being sent back masked or null, Defender
 * KQL rows derived from the seeded dataset, Slack's 200-with-error refusals, and the webhook shapes the Akto
 * dashboard sends beside the document's.
 */
export const aktoIntegrations: VendorModule = {
  id: 'akto-integrations',
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
    addDevRevIntegration,
    addMicrosoftDefenderIntegration,
    addSentinelOneIntegration,
    runDefenderKqlQuery,
    runDefenderLiveResponse,
    addSlackWebhook,
    deleteSlackWebhook,
    checkWebhook,
  },
  generators: { testingIssues: onSeedStream('akto.testingIssues', generateTestingIssues) },
  adminRoutes: jiraAdminRoutes,
  onClockAdvance: runScheduledSyncs,
};
