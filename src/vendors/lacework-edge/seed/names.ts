/**
 * The vocabulary of the seeded Lacework Edge tenant: a mid-size company's teams, the SaaS and private apps
 * it reaches through Lacework Edge, its approval workflows and what its alerts are about.
 */
export const GROUPS: Array<{ name: string; tag: string; description: string }> = [
  { name: 'Engineering', tag: 'engineering', description: 'Product engineering teams' },
  { name: 'Security', tag: 'security', description: 'Security operations and GRC' },
  { name: 'IT Admins', tag: 'it', description: 'Corporate IT administrators' },
  { name: 'Finance', tag: 'finance', description: 'Finance and accounting' },
  { name: 'Sales', tag: 'sales', description: 'Account executives and sales engineers' },
  { name: 'Customer Success', tag: 'support', description: 'Support and customer success' },
  { name: 'Marketing', tag: 'marketing', description: 'Marketing and communications' },
  { name: 'People Ops', tag: 'hr', description: 'Human resources and recruiting' },
  { name: 'Legal', tag: 'legal', description: 'Legal and compliance' },
  { name: 'Data Science', tag: 'data', description: 'Analytics and data science' },
  { name: 'DevOps', tag: 'devops', description: 'Platform and site reliability' },
  { name: 'Contractors', tag: 'contractor', description: 'External contractors (time-limited access)' },
  { name: 'Executives', tag: 'exec', description: 'Leadership team' },
  { name: 'Interns', tag: 'intern', description: 'Summer interns' },
];

/** Apps: [name, host, tags, private (reached through a connector)]. */
export const APPS: Array<[string, string, string[], boolean]> = [
  ['Salesforce', 'example.my.salesforce.com', ['saas', 'sales', 'crm'], false],
  ['Workday', 'wd5.myworkday.com', ['saas', 'hr', 'finance'], false],
  ['GitHub', 'github.com', ['saas', 'engineering', 'source-code'], false],
  ['Jira', 'example.atlassian.net', ['saas', 'engineering'], false],
  ['Slack', 'example.slack.com', ['saas', 'collaboration'], false],
  ['Zoom', 'example.zoom.us', ['saas', 'collaboration'], false],
  ['Google Workspace', 'workspace.google.com', ['saas', 'collaboration', 'documents'], false],
  ['Microsoft 365', 'example.sharepoint.com', ['saas', 'documents'], false],
  ['Box', 'example.app.box.com', ['saas', 'documents', 'sensitive'], false],
  ['AWS Console', 'console.aws.amazon.com', ['saas', 'cloud', 'privileged'], false],
  ['Datadog', 'app.datadoghq.com', ['saas', 'devops'], false],
  ['PagerDuty', 'example.pagerduty.com', ['saas', 'devops'], false],
  ['ServiceNow', 'example.service-now.com', ['saas', 'it'], false],
  ['Zendesk', 'example.zendesk.com', ['saas', 'support'], false],
  ['HubSpot', 'app.hubspot.com', ['saas', 'marketing'], false],
  ['Snowflake', 'example.snowflakecomputing.com', ['saas', 'data', 'sensitive'], false],
  ['Tableau', 'prod-useast-a.online.tableau.com', ['saas', 'data'], false],
  ['NetSuite', 'example.app.netsuite.com', ['saas', 'finance', 'sensitive'], false],
  ['Grafana', 'grafana.internal.example.com', ['private', 'devops'], true],
  ['Jenkins', 'ci.internal.example.com', ['private', 'engineering', 'privileged'], true],
  ['GitLab', 'gitlab.internal.example.com', ['private', 'engineering', 'source-code'], true],
  ['Kibana', 'logs.internal.example.com', ['private', 'security'], true],
  ['Admin Portal', 'admin.internal.example.com', ['private', 'privileged'], true],
  ['Payroll', 'payroll.internal.example.com', ['private', 'finance', 'sensitive'], true],
  ['Wiki', 'wiki.internal.example.com', ['private', 'documents'], true],
  ['Postgres (prod)', 'db-prod.internal.example.com', ['private', 'data', 'privileged'], true],
];

export const USER_TAGS = ['remote', 'office-sf', 'office-nyc', 'office-berlin', 'vip', 'mfa-enforced'];

export const WORKFLOWS: Array<{
  name: string;
  title: string;
  ttl: number;
  token: boolean;
  justify: boolean;
}> = [
  { name: 'Manager approval', title: 'Access request', ttl: 86_400, token: false, justify: true },
  { name: 'Security review', title: 'Security review required', ttl: 14_400, token: false, justify: true },
  { name: 'Just-in-time admin access', title: 'Privileged access', ttl: 3_600, token: true, justify: true },
  { name: 'Data export approval', title: 'Bulk download', ttl: 7_200, token: false, justify: false },
  { name: 'Extend session', title: 'Session extension', ttl: -1, token: true, justify: false },
  {
    name: 'Contractor access',
    title: 'Contractor access request',
    ttl: 172_800,
    token: false,
    justify: true,
  },
];

export const ALERT_KINDS: Array<{ type: string; text: (who: string, app: string) => string }> = [
  { type: 'impossible_travel', text: (who) => `Impossible travel detected for ${who}` },
  { type: 'mass_download', text: (who, app) => `${who} downloaded an unusual number of files from ${app}` },
  { type: 'new_device', text: (who) => `${who} signed in from an unmanaged device` },
  { type: 'policy_violation', text: (who, app) => `Blocked upload to ${app} by ${who}` },
  {
    type: 'suspicious_login',
    text: (who, app) => `Suspicious login to ${app} by ${who} from a TOR exit node`,
  },
  { type: 'external_sharing', text: (who, app) => `${who} shared a sensitive file from ${app} externally` },
  { type: 'privilege_escalation', text: (who, app) => `${who} was granted admin rights in ${app}` },
];

export const TOKEN_NAMES = [
  'CI pipeline',
  'Terraform',
  'SIEM export',
  'Okta sync',
  'Backup job',
  'Reporting',
];

export const NOTES = [
  'Confirmed with the user over Slack.',
  'User was travelling; VPN exit node explains the location.',
  'Escalated to the security on-call.',
  'Device re-imaged by IT.',
  'Looks like a misconfigured sync client.',
  'Waiting for the manager to confirm the business reason.',
];

/** Audit trail entries: [op, method, matched path]. */
export const AUDIT_OPS: Array<[string, string, string]> = [
  ['TokenLogin', 'GET', '/api/v1/token_login'],
  ['Login', 'GET', '/api/v1/login'],
  ['QueryUsers', 'GET', '/api/v1/users'],
  ['UpdateUser', 'PUT', '/api/v1/users/{uuid}'],
  ['CreateAccess', 'POST', '/api/v1/accesses'],
  ['UpdatePolicy', 'PUT', '/api/v1/policies/{uuid}'],
  ['CreateApp', 'POST', '/api/v1/apps'],
  ['QueryAlerts', 'GET', '/api/v1/alerts'],
  ['PerformInvestigationAction', 'POST', '/api/v1/alerts/{uuid}/investigation_actions'],
  ['AnswerWorkflowRun', 'POST', '/api/v1/workflow_runs/{uuid}/answer'],
  ['CreateToken', 'POST', '/api/v1/tokens'],
  ['RegisterDevice', 'POST', '/api/v1/devices'],
];
