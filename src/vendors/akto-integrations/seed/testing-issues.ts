import type { Faker } from '@faker-js/faker';
import type { Entity } from '../../../state';
import type { SeedContext } from '../../../mock';
import { TESTING_ISSUES } from '../testing-issues';

/**
 * The Akto testing-run issues tickets link to: what a few test runs over five API collections found.
 * Each issue is one (endpoint, test) pair, so keys never repeat; the test decides the severity. The two
 * findings the spec's examples name (BOLA on GET /api/v1/users/1042, mass assignment on POST
 * /api/v1/orders in collection 1705312345) are always present, so the documented requests hit real issues.
 * No integration is configured: a fresh mock is a new Akto account.
 */
interface ApiCollection {
  id: number;
  host: string;
  endpoints: Array<[method: string, path: string]>;
}

const COLLECTIONS: ApiCollection[] = [
  {
    id: 1705312345,
    host: 'api.example-org.com',
    endpoints: [
      ['GET', '/api/v1/users/1042'],
      ['POST', '/api/v1/orders'],
      ['GET', '/api/v1/orders/{orderId}'],
      ['PUT', '/api/v1/users/{userId}/profile'],
      ['DELETE', '/api/v1/users/{userId}'],
      ['GET', '/api/v1/users/{userId}/addresses'],
    ],
  },
  {
    id: 1705398761,
    host: 'payments.example-org.com',
    endpoints: [
      ['POST', '/v2/charges'],
      ['GET', '/v2/charges/{chargeId}'],
      ['POST', '/v2/refunds'],
      ['GET', '/v2/customers/{customerId}/cards'],
    ],
  },
  {
    id: 1706001122,
    host: 'auth.example-org.com',
    endpoints: [
      ['POST', '/oauth/token'],
      ['POST', '/login'],
      ['POST', '/password/reset'],
      ['GET', '/userinfo'],
    ],
  },
  {
    id: 1707123400,
    host: 'partner-gw.example-org.com',
    endpoints: [
      ['GET', '/partners/v1/invoices'],
      ['POST', '/partners/v1/webhooks'],
      ['GET', '/partners/v1/reports/{reportId}'],
    ],
  },
  {
    id: 1708450000,
    host: 'admin.internal.example-org.com',
    endpoints: [
      ['GET', '/admin/users'],
      ['POST', '/admin/feature-flags'],
      ['PATCH', '/admin/tenants/{tenantId}'],
    ],
  },
];

const TESTS: Array<[testSubCategory: string, severity: string]> = [
  ['REPLACE_AUTH_TOKEN', 'HIGH'],
  ['ADD_USER_ID', 'HIGH'],
  ['MASS_ASSIGNMENT_CREATE_ADMIN_ROLE', 'HIGH'],
  ['REMOVE_TOKENS', 'HIGH'],
  ['JWT_NONE_ALGO', 'CRITICAL'],
  ['JWT_INVALID_SIGNATURE', 'CRITICAL'],
  ['SSRF_ON_LOCALHOST', 'CRITICAL'],
  ['PARAMETER_POLLUTION', 'MEDIUM'],
  ['OPEN_REDIRECT', 'MEDIUM'],
  ['PAGINATION_MISCONFIGURATION', 'LOW'],
  ['CORS_MISCONFIGURATION_WHITELIST_ORIGIN', 'LOW'],
];
const SEVERITY_OF = Object.fromEntries(TESTS);
const DOCUMENTED = ['0:0:REPLACE_AUTH_TOKEN', '0:1:MASS_ASSIGNMENT_CREATE_ADMIN_ROLE'];

function issueId(collection: ApiCollection, endpoint: number, test: string, source: string): Entity {
  const [method, path] = collection.endpoints[endpoint];
  return {
    apiInfoKey: { apiCollectionId: collection.id, url: `https://${collection.host}${path}`, method },
    testErrorSource: source,
    testSubCategory: test,
  };
}

/** Every (collection, endpoint, test) pair as `c:e:test`, the documented ones first, the rest shuffled. */
function pickPairs(ctx: SeedContext, count: number): string[] {
  const all = COLLECTIONS.flatMap((c, ci) =>
    c.endpoints.flatMap((_, ei) => TESTS.map(([t]) => `${ci}:${ei}:${t}`)),
  );
  const rest = ctx.faker.helpers.shuffle(all.filter((pair) => !DOCUMENTED.includes(pair)));
  return [...DOCUMENTED, ...rest].slice(0, Math.min(count, all.length));
}

const NO_TICKET = {
  jiraIssueUrl: null,
  azureBoardsWorkItemUrl: null,
  servicenowIssueUrl: null,
  devrevWorkUrl: null,
  ticketSource: null,
  ticketProjectKey: null,
  ticketId: null,
  ticketLastUpdatedAt: null,
};

/** One issue of a `c:e:test` pair; the documented findings are open automated-testing issues. */
function buildIssue(faker: Faker, pair: string, documented: boolean, nowS: number, daysBack: number): Entity {
  const [ci, ei, test] = pair.split(':');
  const source = documented
    ? 'AUTOMATED_TESTING'
    : faker.helpers.weightedArrayElement([
        { value: 'AUTOMATED_TESTING', weight: 8 },
        { value: 'RUNTIME', weight: 3 },
        { value: 'TEST_EDITOR', weight: 1 },
      ]);
  const status = documented
    ? 'OPEN'
    : faker.helpers.weightedArrayElement([
        { value: 'OPEN', weight: 6 },
        { value: 'FIXED', weight: 3 },
        { value: 'IGNORED', weight: 1 },
      ]);
  const creationTime = nowS - faker.number.int({ min: 3600, max: daysBack * 86_400 });
  return {
    id: issueId(COLLECTIONS[Number(ci)], Number(ei), test, source),
    testRunIssueStatus: status,
    severity: SEVERITY_OF[test],
    creationTime,
    // An open issue was last touched when found; a fixed or ignored one when it was resolved.
    lastUpdated: status === 'OPEN' ? creationTime : faker.number.int({ min: creationTime, max: nowS }),
    ...NO_TICKET,
  };
}

export function generateTestingIssues(ctx: SeedContext): void {
  const resource = ctx.resource(TESTING_ISSUES);
  const count = Number(ctx.options.count ?? 96);
  const daysBack = Number(ctx.options.daysBack ?? 60);
  const nowS = Math.floor(ctx.now / 1000);
  const issues = pickPairs(ctx, count).map((pair, i) =>
    buildIssue(ctx.faker, pair, i < DOCUMENTED.length, nowS, daysBack),
  );
  // Oldest first, like the vendor's own listing order.
  issues.sort((a, b) => Number(a.creationTime) - Number(b.creationTime));
  for (const issue of issues) resource.collection.put(issue.id, issue);
}
