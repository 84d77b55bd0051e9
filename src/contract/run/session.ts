import { createFaker, hashSeed } from '../../generate';
import type { Operation, SpecModel } from '../../openapi';
import { SchemaCompiler } from '../../schema';
import { ResponseValidator } from '../../validate';
import type { KnownDeviation } from '../known-deviations';
import type { PlanContext } from '../plan/cases';
import type { CredentialBook } from '../plan/credentials';
import { withUniqueValues } from '../plan/unique';
import type { CaseResponse, CheckTools, RunEvent, TestCase } from '../types';
import { judge } from './judge';
import { RunMemory } from './memory';
import { send } from './transport';

export interface RunOptions {
  baseUrl: string;
  book: CredentialBook;
  knownDeviations: readonly KnownDeviation[];
  seed: number;
  /** This run's token, put in the values the vendor keeps unique (plan/unique.ts). */
  token: string;
  timeoutMs: number;
  budgetMs?: number;
  /**
   * Headers every request of the run carries (a secmock session, `x-secmock-session`), in its curl line too:
   * a mock shared by many runs keeps each run's data apart; a real implementation ignores them.
   */
  runHeaders?: Record<string, string>;
  emit(event: RunEvent): void;
}

/**
 * The implementation could not be reached at all (nothing answered the run's first request): the run could
 * not be made, which is not a contract departure.
 */
export class TargetUnreachableError extends Error {}

/** The instant the planner's generated values are relative to (the mock's default clock start). */
const PLAN_NOW = Date.parse('2025-09-09T18:00:00Z');

/**
 * What one verifier run knows as it goes: the credentials (a login adds one), one stored entity per
 * resource (from lists and creates) to address by-id operations, and the case counter. Every case goes
 * through execute: sent, judged by every check, remembered, emitted as an event.
 */
export class RunSession {
  readonly validators = new SchemaCompiler();
  private readonly responses = new ResponseValidator(this.validators);
  readonly memory = new RunMemory();
  private nextCaseId = 1;
  private answered = false;
  private readonly tools: CheckTools = { validateResponse: (op, response) => this.validate(op, response) };

  constructor(readonly options: RunOptions) {}

  get book(): CredentialBook {
    return this.options.book;
  }

  /** A plan context whose faker is seeded by the run seed, the spec and the given parts. */
  context(spec: SpecModel, ...parts: Array<string | number>): PlanContext {
    return {
      spec,
      book: this.book,
      validators: this.validators,
      faker: createFaker(hashSeed(this.options.seed, spec.id, ...parts)),
      now: PLAN_NOW,
      nextId: () => this.nextCaseId++,
      knownKey: (operation) => this.knownKey(spec, operation),
      unique: (operation, parts) => withUniqueValues(operation, parts, this.options.token, this.validators),
    };
  }

  /** The key a by-id operation addresses (run/memory.ts says which). */
  knownKey(spec: SpecModel, operation: Operation): unknown {
    return this.memory.keyFor(spec, operation);
  }

  /** An entity read back from a list: by-id operations address it. */
  learn(spec: SpecModel, resource: string, entity: Record<string, unknown>): void {
    this.memory.learn(spec, resource, entity);
  }

  /** Sends a case and judges its answer; `history` holds the earlier answers of its chain or probe. */
  async execute(original: TestCase, history: CaseResponse[] = []): Promise<CaseResponse> {
    const { baseUrl, timeoutMs, budgetMs, knownDeviations } = this.options;
    const testCase = this.withRunHeaders(original);
    const response = await send(baseUrl, testCase.request, timeoutMs);
    if (!this.answered && response.transportError)
      throw new TargetUnreachableError(`cannot reach ${baseUrl}: ${response.transportError}`);
    this.answered ||= !response.transportError;
    const secretsSent = this.memory.secretsFor(testCase);
    const input = { testCase, response, budgetMs, history, secretsSent };
    const results = judge(input, this.tools, knownDeviations);
    this.memory.remember(testCase, response);
    this.options.emit({ type: 'case', testCase, response, results });
    return response;
  }

  /** Sends a case the run does not judge (a cleanup delete); the run still remembers what it did. */
  async sendUnjudged(original: TestCase): Promise<CaseResponse> {
    const testCase = this.withRunHeaders(original);
    const response = await send(this.options.baseUrl, testCase.request, this.options.timeoutMs);
    this.memory.remember(testCase, response);
    return response;
  }

  emit(event: RunEvent): void {
    this.options.emit(event);
  }

  private withRunHeaders(testCase: TestCase): TestCase {
    const extra = this.options.runHeaders;
    if (!extra) return testCase;
    return {
      ...testCase,
      request: { ...testCase.request, headers: { ...extra, ...testCase.request.headers } },
    };
  }

  private validate(operation: Operation, response: CaseResponse) {
    const verdict = this.responses.check(operation, {
      status: response.status,
      headers: response.headers,
      body: response.body,
    });
    return {
      documented: verdict.documented,
      contentType: verdict.contentTypeViolation,
      schema: verdict.schemaViolations.map((v) => ({ path: v.path, message: v.message })),
      headers: verdict.headerViolations,
    };
  }
}
