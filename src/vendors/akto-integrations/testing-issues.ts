import type { Entity } from '../../state';
import { type MockClock, ok, type Outcome, type ResourceRuntime } from '../../mock';

/**
 * Akto testing-run issues (resource `testingIssues`) and the tickets that link to them. Every ticketing
 * integration (Jira, Azure Boards, ServiceNow, DevRev) records its ticket on the issue the same way, and
 * every bulk action skips the issues that already have a ticket of its own system.
 */
export const TESTING_ISSUES = 'testingIssues';
export const AKTO_STATUSES = ['OPEN', 'FIXED', 'IGNORED'] as const;
export type AktoStatus = (typeof AKTO_STATUSES)[number];

/** What the store, the clock and resources look like to behaviours, admin routes and clock listeners alike. */
export interface AktoHost {
  clock: MockClock;
  resourceNamed(name: string): ResourceRuntime | undefined;
}

/** Which fields of a testing issue a ticketing system fills. */
export interface TicketSystem {
  urlField: 'jiraIssueUrl' | 'azureBoardsWorkItemUrl' | 'servicenowIssueUrl' | 'devrevWorkUrl';
  source: 'JIRA' | 'AZURE_BOARDS' | 'SERVICENOW' | 'DEVREV';
  /** Bulk notices: some issues skipped (k of them), or all of them. */
  someSkipped(k: number): string;
  allSkipped: string;
}

/** A lookup that either found what an action needs or already knows the refusal to answer. */
export type Checked<T> = { value: T } | { refusal: Outcome };

export interface CreatedTicket {
  id: string;
  url: string;
  projectKey?: string;
}

/**
 * The key of a testing issue as the store compares it: only the TestingIssuesId fields, so that a request
 * carrying extra keys still finds the issue.
 */
export function issueKey(value: unknown): Entity | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = value as { apiInfoKey?: Entity; testErrorSource?: unknown; testSubCategory?: unknown };
  const api = id.apiInfoKey ?? {};
  return {
    apiInfoKey: { apiCollectionId: api.apiCollectionId, url: api.url, method: api.method },
    testErrorSource: id.testErrorSource,
    testSubCategory: id.testSubCategory,
  };
}

export function findTestingIssue(host: AktoHost, id: unknown): Entity | undefined {
  const key = issueKey(id);
  return key && host.resourceNamed(TESTING_ISSUES)?.find(key);
}

export function hasTicket(issue: Entity | undefined, system: TicketSystem): boolean {
  const url = issue?.[system.urlField];
  return typeof url === 'string' && url !== '';
}

/** Records the ticket on the stored issue (its URL, source, key/number); false when the issue is not stored. */
export function linkTestingIssue(
  host: AktoHost,
  id: unknown,
  system: TicketSystem,
  ticket: CreatedTicket,
): boolean {
  const resource = host.resourceNamed(TESTING_ISSUES);
  const issue = findTestingIssue(host, id);
  if (!resource || !issue) return false;
  const linked: Entity = {
    ...issue,
    [system.urlField]: ticket.url,
    ticketSource: system.source,
    ticketProjectKey: ticket.projectKey ?? null,
    ticketId: ticket.id,
    ticketLastUpdatedAt: resource.now(),
  };
  resource.stampUpdated(linked);
  resource.collection.put(resource.keyOf(linked), linked);
  return true;
}

/**
 * Creates one ticket per issue id, skipping issues that already have a ticket of this system (also an id
 * repeated in the request). The vendor answers only `errorMessage`; `results` reports each item.
 */
export function createTicketsFor(
  host: AktoHost,
  ids: unknown[],
  system: TicketSystem,
  create: (id: Entity, issue: Entity | undefined) => CreatedTicket,
): Outcome {
  const results = ids.map((raw) => {
    const id = issueKey(raw) as Entity;
    const issue = findTestingIssue(host, id);
    if (hasTicket(issue, system))
      return { testingIssuesId: id, outcome: 'SKIPPED', ticketId: null, ticketUrl: null, linked: true };
    const ticket = create(id, issue);
    const linked = linkTestingIssue(host, id, system, ticket);
    return { testingIssuesId: id, outcome: 'CREATED', ticketId: ticket.id, ticketUrl: ticket.url, linked };
  });
  const skipped = results.filter((r) => r.outcome === 'SKIPPED').length;
  const errorMessage =
    skipped === 0 ? null : skipped === results.length ? system.allSkipped : system.someSkipped(skipped);
  return ok({ errorMessage, results });
}

/** The configuration singleton of an integration, with its secrets in clear (never answer it as is). */
export function storedSingleton(host: AktoHost, name: string): Entity | undefined {
  return host.resourceNamed(name)?.find(undefined);
}

/** A configured base URL without its trailing slashes, to join paths to. */
export const trimUrl = (url: unknown): string => String(url).replace(/\/+$/, '');
