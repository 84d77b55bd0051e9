import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createMockApp, type MockApp, type MockAppOptions } from '../../../src/server/app';
import { SEED_DIR, VENDOR_SPECS } from '../../helpers/paths';
import { authHeaders } from '../../helpers/credentials';

/** Shared set-up of the Akto integrations behaviour tests: the spec with its bundled fixtures, over HTTP. */
export const AKTO_KEY = authHeaders(VENDOR_SPECS.aktoIntegrations);

export interface TestingIssuesId {
  apiInfoKey: { apiCollectionId: number; url: string; method: string };
  testErrorSource: string;
  testSubCategory: string;
}

export interface TestingIssue {
  id: TestingIssuesId;
  testRunIssueStatus: string;
  severity: string;
  creationTime: number;
  lastUpdated: number;
  [field: string]: unknown;
}

export interface AktoMock {
  app: MockApp;
  http: ReturnType<typeof request>;
  /** POSTs to an API operation and checks the answer satisfies the spec (no x-secmock-violations). */
  post(path: string, body?: unknown): Promise<request.Response>;
  /**
   * POSTs what the Akto dashboard sends, which the document may forbid: the answer must satisfy the spec
   * (x-secmock-violations may only report the request's document-only departures, which `departures` lists).
   */
  postAsDashboard(
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<request.Response & { departures: string[] }>;
  /** Entities of a collection as the admin API shows them (secrets masked). */
  state<T = Record<string, unknown>>(collection: string): Promise<T[]>;
  advanceClock(ms: number): Promise<void>;
  /** The stored entity with its secrets in clear: what HTTP never shows, to prove a secret was kept. */
  stored(resource: string, key?: unknown): Record<string, unknown> | undefined;
}

export async function aktoMock(options: MockAppOptions = {}): Promise<AktoMock> {
  const app = await createMockApp({ specs: [VENDOR_SPECS.aktoIntegrations], ...options });
  const http = request(app);
  return {
    app,
    http,
    async post(path, body = {}) {
      const response = await http
        .post(path)
        .set(AKTO_KEY)
        .send(body as object);
      expect(response.headers['x-secmock-violations']).toBeUndefined();
      return response;
    },
    async postAsDashboard(path, body, headers = {}) {
      const response = await http
        .post(path)
        .set({ ...AKTO_KEY, ...headers })
        .send(body as object);
      const [logged] = app.mock.log.recent(1);
      expect(logged.responseViolations).toEqual([]);
      return Object.assign(response, { departures: logged.documentDepartures ?? [] });
    },
    async state<T>(collection: string) {
      const response = await http.get(`/__secmock/state?collection=${collection}&limit=1000`);
      return response.body.items as T[];
    },
    async advanceClock(ms) {
      expect((await http.post('/__secmock/clock').send({ advanceMs: ms })).status).toBe(200);
    },
    stored(resource, key) {
      return app.mock.resources.get(resource)?.find(key);
    },
  };
}

export const sameId = (a: TestingIssuesId, b: TestingIssuesId) =>
  a.apiInfoKey.apiCollectionId === b.apiInfoKey.apiCollectionId &&
  a.apiInfoKey.url === b.apiInfoKey.url &&
  a.apiInfoKey.method === b.apiInfoKey.method &&
  a.testErrorSource === b.testErrorSource &&
  a.testSubCategory === b.testSubCategory;

export async function issuesWithStatus(
  mock: AktoMock,
  status: string,
  count: number,
): Promise<TestingIssue[]> {
  const issues = (await mock.state<TestingIssue>('testingIssues')).filter(
    (i) => i.testRunIssueStatus === status,
  );
  expect(issues.length).toBeGreaterThanOrEqual(count);
  return issues.slice(0, count);
}

export async function findIssue(mock: AktoMock, id: TestingIssuesId): Promise<TestingIssue> {
  const issue = (await mock.state<TestingIssue>('testingIssues')).find((i) => sameId(i.id, id));
  if (!issue) throw new Error(`no testing issue ${JSON.stringify(id)}`);
  return issue;
}

/**
 * A fixtures directory with this spec's bundled fixtures and a few schema-generated threat events and
 * policies, so tests that serve the threat-detection spec too do not depend on that spec's own (large) dataset.
 */
export function fixturesWithThreatEvents(events = 4): string {
  const dir = mkdtempSync(join(tmpdir(), 'secmock-akto-'));
  copyFileSync(join(SEED_DIR, 'akto-integrations.yaml'), join(dir, 'akto-integrations.yaml'));
  writeFileSync(
    join(dir, 'akto-threat-detection.yaml'),
    `collections:\n  maliciousEvents: { count: ${events} }\n  filterTemplates: { count: 2 }\n`,
  );
  return dir;
}

export const JIRA_CREDENTIALS = {
  baseUrl: 'https://example-org.atlassian.net',
  userEmail: 'security@example-org.com',
  apiToken: 'jira-token-1234',
  jiraType: 'CLOUD',
};
