import { CHECKS } from '../../../src/contract/checks';
import type {
  CheckTally,
  CoverageCount,
  CoverageTally,
  Finding,
  OperationCoverage,
  OperationTally,
  RunInfo,
  Summary,
} from '../../../src/contract/types';

/**
 * Two fixed run summaries for the reporters, built by hand: one where everything conforms, one with
 * failures, a known deviation, a skipped operation, more findings of one check than the console shows, and
 * coverage gaps (an operation never reached, statuses never observed, a filter never sent).
 */

type TallyCounts = Partial<Pick<CheckTally, 'passed' | 'failed' | 'known' | 'findings'>>;

/** A tally for every check of the catalogue: the given counts, zero elsewhere. */
function tallies(counts: Record<string, TallyCounts> = {}): CheckTally[] {
  return CHECKS.map((check) => ({
    check: check.id,
    title: check.title,
    passed: 0,
    failed: 0,
    known: 0,
    findings: [],
    ...counts[check.id],
  }));
}

/** The six checks that apply to an accepted case which passes, each passed `cases` times. */
function allPassed(cases: number): Record<string, TallyCounts> {
  const ids = [
    'server_error',
    'undocumented_status',
    'content_type',
    'response_headers',
    'response_schema',
    'valid_data_rejected',
  ];
  return Object.fromEntries(ids.map((id) => [id, { passed: cases }]));
}

function operation(
  spec: string,
  operationId: string,
  method: string,
  path: string,
  cases: number,
  counts: Record<string, TallyCounts>,
  skipped?: string,
): OperationTally {
  return { spec, operationId, method, path, cases, checks: tallies(counts), ...(skipped ? { skipped } : {}) };
}

/** The run's metadata, its fields in the order contract/summary.ts writes them. */
function run({ baseUrl, durationMs, seed = 1, readOnly = false }: Partial<RunInfo>): RunInfo {
  return {
    startedAt: '2026-03-14T09:26:53.000Z',
    version: '0.1.0',
    baseUrl: baseUrl ?? '',
    seed,
    durationMs: durationMs ?? 0,
    readOnly,
  };
}

const c = (covered: number, total: number, percent: number | null): CoverageCount => ({
  covered,
  total,
  percent,
});

function coverageTally(
  operations: CoverageCount,
  statuses: CoverageCount,
  filters: CoverageCount,
  paging: CoverageCount,
): CoverageTally {
  return { operations, statuses, filters, paging, undetailed: 0 };
}

/** A planned operation's coverage: [declared, exercised] statuses, filters and page parameters. */
function covered(
  [spec, operationId, method, path]: [string, string, string, string],
  exercised: boolean,
  statuses: [string[], string[]],
  filters: [string[], string[]] = [[], []],
  paging: [string[], string[]] = [[], []],
): OperationCoverage {
  return {
    spec,
    operationId,
    method,
    path,
    exercised,
    detail: {
      statuses: { documented: statuses[0], observed: statuses[1] },
      filters: { declared: filters[0], exercised: filters[1] },
      paging: { declared: paging[0], exercised: paging[1] },
    },
  };
}

export function passingSummary(): Summary {
  return {
    baseUrl: 'http://127.0.0.1:4010',
    specs: [{ id: 'incidents', operations: 2, cases: 5, failed: 0, known: 0 }],
    operations: 2,
    cases: 5,
    checks: { passed: 30, failed: 0, known: 0 },
    failedCases: 0,
    durationMs: 1534,
    ok: true,
    byOperation: [
      operation('incidents', 'listIncidents', 'GET', '/incidents', 3, allPassed(3)),
      operation('incidents', 'createIncident', 'POST', '/incidents', 2, allPassed(2)),
    ],
    findings: [],
    run: run({ baseUrl: 'http://127.0.0.1:4010', durationMs: 1534 }),
    cleanup: { deleted: 2, left: [] },
    coverage: {
      specs: [{ id: 'incidents', ...coverageTally(c(2, 2, 100), c(3, 3, 100), c(0, 0, null), c(1, 1, 100)) }],
      total: coverageTally(c(2, 2, 100), c(3, 3, 100), c(0, 0, null), c(1, 1, 100)),
      operations: [
        covered(['incidents', 'listIncidents', 'GET', '/incidents'], true, [['200'], ['200']], undefined, [
          ['query.limit'],
          ['query.limit'],
        ]),
        covered(['incidents', 'createIncident', 'POST', '/incidents'], true, [
          ['201', '400'],
          ['201', '400'],
        ]),
      ],
    },
  };
}

const BASE = 'http://staging.test:8080';

/** A finding with its check's title and severity, its fields in the order contract/summary.ts writes them. */
function finding(init: Omit<Finding, 'title' | 'severity'>): Finding {
  const check = CHECKS.find((c) => c.id === init.check);
  if (!check) throw new Error(`no check ${init.check}`);
  const { spec, operationId, method, path, caseLabel, failure, curl, known } = init;
  return {
    spec,
    operationId,
    method,
    path,
    check: check.id,
    title: check.title,
    severity: check.severity,
    caseLabel,
    failure,
    curl,
    ...(known ? { known } : {}),
  };
}

const createIncident = {
  spec: 'incidents',
  operationId: 'createIncident',
  method: 'POST',
  path: '/incidents',
};
const getIncident = { spec: 'incidents', operationId: 'getIncident', method: 'GET', path: '/incidents/{id}' };
const listUsers = { spec: 'edge', operationId: 'listUsers', method: 'GET', path: '/api/v1/users' };

export const SCHEMA_FINDING = finding({
  ...createIncident,
  check: 'response_schema',
  caseLabel: "example 'disk-full'",
  failure: { path: 'body.severity', expected: 'value that must be one of "low", "high"', actual: '"urgent"' },
  curl: `curl -sS -X POST '${BASE}/incidents' -H 'accept: application/json' -H 'authorization: Bearer ****' -H 'content-type: application/json' --data-raw '{"title":"Disk full","severity":"high"}'`,
});

export const SERVER_FINDING = finding({
  ...createIncident,
  check: 'server_error',
  caseLabel: 'missing required body.title',
  failure: { path: 'status', expected: 'a non-5xx status', actual: '500' },
  curl: `curl -sS -X POST '${BASE}/incidents' -H 'accept: application/json' -H 'authorization: Bearer ****' -H 'content-type: application/json' --data-raw '{"severity":"high"}'`,
});

export const KNOWN_FINDING = finding({
  ...getIncident,
  check: 'undocumented_status',
  caseLabel: 'valid request',
  failure: { path: 'status', expected: 'one of 200, 404', actual: '202' },
  curl: `curl -sS -X GET '${BASE}/incidents/inc-1' -H 'accept: application/json' -H 'authorization: Bearer ****'`,
  known: 'VND-1042: answers 202 while the incident is indexed',
});

export const AUTH_FINDING = finding({
  ...listUsers,
  check: 'auth_accepted',
  caseLabel: 'wrong credentials',
  failure: { path: 'status', expected: 'a refusal (401) for wrong credentials', actual: '200' },
  curl: `curl -sS -X GET '${BASE}/api/v1/users' -H 'accept: application/json' -H 'x-lw-uaks: secmock-verifier-wrong-credential'`,
});

/** Six findings of one check (the console shows five), one echoing markup and a quote. */
export const USER_FINDINGS: Finding[] = [0, 1, 2, 3, 4, 5].map((i) =>
  finding({
    ...listUsers,
    check: 'response_schema',
    caseLabel: 'valid request',
    failure: {
      path: `body.data[${i}].email`,
      expected: 'value that must be a valid email',
      actual: i === 0 ? `"<script>alert('x')</script> & co"` : `"user${i}"`,
    },
    curl: `curl -sS -X GET '${BASE}/api/v1/users' -H 'accept: application/json' -H 'x-lw-uaks: ****'`,
  }),
);

export function failingSummary(): Summary {
  const byOperation = [
    operation('incidents', 'listIncidents', 'GET', '/incidents', 2, allPassed(2)),
    operation('incidents', 'createIncident', 'POST', '/incidents', 3, {
      ...allPassed(3),
      server_error: { passed: 2, failed: 1, findings: [SERVER_FINDING] },
      response_schema: { passed: 1, failed: 1, findings: [SCHEMA_FINDING] },
      undocumented_status: { passed: 2 },
      content_type: { passed: 2 },
      response_headers: { passed: 2 },
      valid_data_rejected: { passed: 1 },
      negative_data_accepted: { passed: 1 },
    }),
    operation('incidents', 'getIncident', 'GET', '/incidents/{id}', 1, {
      ...allPassed(1),
      undocumented_status: { known: 1, findings: [KNOWN_FINDING] },
      content_type: { passed: 0 },
      response_headers: { passed: 0 },
      response_schema: { passed: 0 },
    }),
    operation(
      'incidents',
      'deleteIncident',
      'DELETE',
      '/incidents/{id}',
      0,
      {},
      'mutating operation (--read-only)',
    ),
    operation('edge', 'listUsers', 'GET', '/api/v1/users', 2, {
      ...allPassed(1),
      server_error: { passed: 2 },
      undocumented_status: { passed: 2 },
      content_type: { passed: 2 },
      response_headers: { passed: 2 },
      response_schema: { failed: 1, findings: USER_FINDINGS },
      auth_accepted: { failed: 1, findings: [AUTH_FINDING] },
    }),
  ];
  return {
    baseUrl: BASE,
    specs: [
      { id: 'incidents', operations: 3, cases: 6, failed: 1, known: 1 },
      { id: 'edge', operations: 1, cases: 2, failed: 2, known: 0 },
    ],
    operations: 4,
    cases: 8,
    checks: { passed: 37, failed: 4, known: 1 },
    failedCases: 3,
    durationMs: 61_234,
    ok: false,
    byOperation,
    findings: [SERVER_FINDING, SCHEMA_FINDING, KNOWN_FINDING, ...USER_FINDINGS, AUTH_FINDING],
    run: run({ baseUrl: BASE, durationMs: 61_234, seed: 42, readOnly: true }),
    cleanup: {
      deleted: 1,
      left: [
        {
          spec: 'incidents',
          resource: 'incident',
          key: '3000000438301',
          outcome: 'failed',
          detail: 'answered 500',
        },
      ],
    },
    coverage: {
      specs: [
        { id: 'incidents', ...coverageTally(c(3, 4, 75), c(3, 9, 33), c(1, 1, 100), c(1, 2, 50)) },
        { id: 'edge', ...coverageTally(c(1, 2, 50), c(1, 4, 25), c(0, 1, 0), c(0, 0, null)) },
      ],
      total: coverageTally(c(4, 6, 67), c(4, 13, 31), c(1, 2, 50), c(1, 2, 50)),
      operations: [
        covered(
          ['incidents', 'listIncidents', 'GET', '/incidents'],
          true,
          [['200', '401'], ['200']],
          [['query.status'], ['query.status']],
          [['query.offset', 'query.limit'], ['query.limit']],
        ),
        covered(['incidents', 'createIncident', 'POST', '/incidents'], true, [
          ['201', '400', '401'],
          ['201', '400'],
        ]),
        covered(['incidents', 'getIncident', 'GET', '/incidents/{id}'], true, [['200', '404'], []]),
        covered(['incidents', 'deleteIncident', 'DELETE', '/incidents/{id}'], false, [['204', '404'], []]),
        covered(
          ['edge', 'listUsers', 'GET', '/api/v1/users'],
          true,
          [['200', '401'], ['200']],
          [['query.role'], []],
        ),
        covered(['edge', 'getUser', 'GET', '/api/v1/users/{id}'], false, [['200', '404'], []]),
      ],
    },
  };
}

/** Run times and dates vary: snapshots show them masked. */
export function maskTimes(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<date>')
    .replace(/\d+(\.\d+)? s\b/g, '<t> s')
    .replace(/time="[\d.]+"/g, 'time="<t>"')
    .replace(/"durationMs": \d+/g, '"durationMs": "<t>"');
}
