import type { HttpMethod } from '../http';
import type { ClockFormat, ListFilter, Operation, SpecModel } from '../openapi';

/** A request the verifier sends, fully resolved (URL path with parameters filled in). */
export interface CaseRequest {
  method: HttpMethod;
  /** Path with parameters substituted and encoded, plus the query string. */
  path: string;
  headers: Record<string, string>;
  /** Raw body text as sent (JSON is serialised by the planner, so malformed JSON can be sent too). */
  body?: string;
}

export interface CaseResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the body parses, else the text; undefined when empty. */
  body: unknown;
  text: string;
  durationMs: number;
  /** Set when no HTTP response came back (timeout, connection refused). */
  transportError?: string;
}

/** What a case expects; the checks read it to decide what applies. */
export type Expectation =
  | { kind: 'accept'; strict: boolean }
  | { kind: 'refuse'; because: 'invalid' | 'unauthenticated' | 'forbidden'; statuses: number[] }
  | { kind: 'chain'; step: ChainStep }
  | { kind: 'probe'; probe: Probe };

export type ChainStep =
  /** A create; a second one in the chain must not answer the first one's key again. */
  | { is: 'create'; distinctFrom?: unknown; keyPointer?: string[] }
  | { is: 'retrievable'; key: unknown; keyPointer?: string[]; shows?: ShownFields }
  | { is: 'gone'; key: unknown; statuses: number[] }
  | { is: 'listed'; key: unknown; present: boolean; itemsPointer: string[]; keyField: string }
  | { is: 'exists'; key: unknown; present: boolean; pointer: string[] }
  | { is: 'step' };

/**
 * What a read after a write must show: the fields the write carried (as the operation's `entity`
 * annotation maps them, in the declared format), and after a partial update the fields it left alone.
 */
export interface ShownFields {
  after: 'create' | 'update';
  /** Where the entity is in the read's answer. */
  entityPointer: string[];
  written: Record<string, unknown>;
  /** Fields the update did not send, as read before it: they must be unchanged. */
  kept?: Record<string, unknown>;
}

/** Where a list answers its items and the numbers of its page. */
export interface ListShape {
  itemsPointer: string[];
  total?: string[];
  perPage?: string[];
  pages?: string[];
  /** The field that tells items apart (the resource key), when there is one. */
  keyField?: string;
}

/** A request sent to test one declared behaviour; its check reads the earlier answers from `history`. */
export type Probe =
  /**
   * One page of a list: `offset` counted from the first item (whatever base the API counts from), `limit`
   * as sent (undefined: the API's default). `earlier` are the pages before it in the same walk, whose
   * answers are the case's history, in order.
   */
  | {
      is: 'page';
      list: ListShape;
      offset: number;
      limit?: number;
      defaultLimit?: number;
      earlier: Array<{ offset: number; limit?: number }>;
    }
  /** A list filtered on a value taken from the data: every item must match it. */
  | {
      is: 'filter';
      list: ListShape;
      param: string;
      field: string;
      match: ListFilter['match'];
      value: unknown;
    }
  /** A list asked for a time window (epoch ms, both ends included): every item's `field` must lie in it. */
  | { is: 'window'; list: ListShape; field: string; from: number; to: number; clock: ClockFormat }
  /** An id the run never saw stored: the documented not-found answer, never success. */
  | { is: 'unknown_id'; key: unknown; statuses: number[] }
  /** One part of an aggregate; the case's history holds the total's answer. */
  | { is: 'aggregate'; name: string; totalOperation: string; totalAt: string[]; partAt: string[] };

export type CaseKind =
  | 'example'
  | 'generated'
  | 'negative'
  | 'auth'
  | 'chain'
  | 'probe'
  | 'setup'
  | 'cleanup';

export interface TestCase {
  id: number;
  spec: SpecModel;
  operation: Operation;
  kind: CaseKind;
  /** A short human description: "example 'groceries'", "missing required body.title"... */
  label: string;
  request: CaseRequest;
  expect: Expectation;
  /** Credential values in this request, masked in every report. */
  secrets: string[];
  /** The stored entity's key the request addresses, when it addresses one. */
  key?: unknown;
}

export type Severity = 'critical' | 'major' | 'minor';

/** What a check found wrong with one response. */
export interface Failure {
  /** JSON path in the response (`body.data[0].status`, `status`, `header.content-type`). */
  path: string;
  expected: string;
  actual: string;
}

export interface CheckInput {
  testCase: TestCase;
  response: CaseResponse;
  budgetMs?: number;
  /**
   * The answers to the earlier requests of the same chain or probe, oldest first: what checks that compare
   * values across requests (a read after a write, the pages of a list) read.
   */
  history: CaseResponse[];
  /**
   * Values this run sent in the secret fields (`secrets`) of the operation's resource, this request's
   * included: no answer may show them in clear.
   */
  secretsSent?: string[];
}

/** A check is a plain function with an id, a human title and a severity. */
export interface Check {
  id: string;
  title: string;
  severity: Severity;
  /** undefined: the check does not apply to this case. */
  run(input: CheckInput, tools: CheckTools): Failure[] | undefined;
}

export interface CheckTools {
  validateResponse(
    operation: Operation,
    response: CaseResponse,
  ): {
    documented: boolean;
    contentType?: string;
    schema: Array<{ path: string; message: string }>;
    headers: Array<{ path: string; message: string }>;
  };
}

export type Outcome = 'passed' | 'failed' | 'known' | 'skipped';

export interface CheckResult {
  check: string;
  outcome: Outcome;
  failures: Failure[];
  /** Why a failure is known (from the known-deviations file). */
  reason?: string;
}

export interface Finding {
  spec: string;
  operationId: string;
  method: string;
  path: string;
  check: string;
  title: string;
  severity: Severity;
  caseLabel: string;
  failure: Failure;
  curl: string;
  known?: string;
}

/** An operation a run was asked to verify. */
export interface PlannedOperation {
  spec: string;
  operationId: string;
  method: string;
  path: string;
}

export type RunEvent =
  | {
      type: 'start';
      specs: string[];
      baseUrl: string;
      plannedOperations: number;
      /** What the run was asked to verify: every selected operation, exercised or not (for coverage). */
      operations: PlannedOperation[];
      /** ISO date-time the run started, the tool's version, the seed of generated requests. */
      startedAt: string;
      version: string;
      seed: number;
      readOnly: boolean;
    }
  | { type: 'case'; testCase: TestCase; response: CaseResponse; results: CheckResult[] }
  | { type: 'skipped'; spec: string; operationId: string; reason: string }
  | CleanupEvent
  | { type: 'end'; summary: Summary };

/**
 * An entity the run created, deleted at its end (not judged: the delete operation's cases were), or kept:
 * `--keep-data`, or the API has no delete for it, or the delete failed.
 */
export interface CleanupEvent {
  type: 'cleanup';
  spec: string;
  resource: string;
  key: string;
  outcome: 'deleted' | 'kept' | 'failed';
  /** Why it was kept or how the delete failed. */
  detail?: string;
}

/** Per operation and check: how many cases passed, failed or were known, with the findings. */
export interface CheckTally {
  check: string;
  title: string;
  passed: number;
  failed: number;
  known: number;
  findings: Finding[];
}

export interface OperationTally {
  spec: string;
  operationId: string;
  method: string;
  path: string;
  cases: number;
  checks: CheckTally[];
  /** Why the operation was not verified (--read-only). */
  skipped?: string;
}

/** When, with what and against what a run was made: folded from its 'start' event. */
export interface RunInfo {
  /** ISO date-time the run started ('' when the events had no start). */
  startedAt: string;
  /** secmock's version. */
  version: string;
  /** The implementation under test. */
  baseUrl: string;
  seed: number;
  durationMs: number;
  readOnly: boolean;
}

/** How much of something declared a run exercised; `percent` is null when nothing was declared. */
export interface CoverageCount {
  covered: number;
  total: number;
  percent: number | null;
}

export interface CoverageTally {
  /** Planned operations that had at least one case. */
  operations: CoverageCount;
  /** Documented numeric response statuses (a range like `4XX` is one; `default` is not counted) observed. */
  statuses: CoverageCount;
  /** Declared list filters (`x-secmock.filters`) some case sent with a value. */
  filters: CoverageCount;
  /** Declared page parameters (`x-secmock.page.offset`, `.limit`) some case sent with a value. */
  paging: CoverageCount;
  /** Planned operations whose statuses, filters and paging could not be counted (see contract/coverage.ts). */
  undetailed: number;
}

/** What one planned operation declares and what the run exercised of it (labels only, never values). */
export interface OperationCoverage {
  spec: string;
  operationId: string;
  method: string;
  path: string;
  exercised: boolean;
  /** Absent when no case of its spec carried the spec's model: the details are unknown. */
  detail?: {
    /** Documented statuses (`200`, `4XX`) and those observed, in the spec's order. */
    statuses: { documented: string[]; observed: string[] };
    /** Request locations (`query.status`, `body.severity`) declared and those sent with a value. */
    filters: { declared: string[]; exercised: string[] };
    paging: { declared: string[]; exercised: string[] };
  };
}

/** API coverage of a run: per spec, in total, and per planned operation. */
export interface Coverage {
  specs: Array<{ id: string } & CoverageTally>;
  total: CoverageTally;
  operations: OperationCoverage[];
}

/** The one fold of a run's events (contract/summary.ts); every reporter formats this and nothing else. */
export interface Summary {
  baseUrl: string;
  specs: Array<{ id: string; operations: number; cases: number; failed: number; known: number }>;
  operations: number;
  cases: number;
  checks: { passed: number; failed: number; known: number };
  failedCases: number;
  durationMs: number;
  ok: boolean;
  /** Every operation the run met, with its tally per check, in the order the run met them. */
  byOperation: OperationTally[];
  findings: Finding[];
  /** The run's metadata: date, tool version, target, seed, duration, read-only. */
  run: RunInfo;
  coverage: Coverage;
  /** The entities the run created: deleted at its end, or left behind (with why). */
  cleanup: {
    deleted: number;
    left: Array<{ spec: string; resource: string; key: string; outcome: 'kept' | 'failed'; detail?: string }>;
  };
}
