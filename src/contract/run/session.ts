import { createFaker, hashSeed } from '../../generate';
import { entityPointer, resolvePointer, type Operation, type SpecModel } from '../../openapi';
import { SchemaCompiler } from '../../schema';
import { ResponseValidator } from '../../validate';
import type { KnownDeviation } from '../known-deviations';
import type { PlanContext } from '../plan/cases';
import type { CredentialBook } from '../plan/credentials';
import type { CaseResponse, CheckTools, RunEvent, TestCase } from '../types';
import { judge } from './judge';
import { send } from './transport';

export interface RunOptions {
  baseUrl: string;
  book: CredentialBook;
  knownDeviations: readonly KnownDeviation[];
  seed: number;
  timeoutMs: number;
  budgetMs?: number;
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
  private readonly known = new Map<string, Record<string, unknown>>();
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
    };
  }

  /** The known entity's value in the field the operation looks it up by. */
  knownKey(spec: SpecModel, operation: Operation): unknown {
    const resource = spec.resources.find((r) => r.name === operation.mock.resource);
    const entity = this.known.get(operation.mock.resource ?? '');
    return resource?.key && entity ? entity[operation.mock.by ?? resource.key] : undefined;
  }

  /** An entity read back from a list: by-id operations address it. */
  learn(resource: string, entity: Record<string, unknown>): void {
    this.known.set(resource, entity);
  }

  /** Sends a case and judges its answer; `history` holds the earlier answers of its chain or probe. */
  async execute(testCase: TestCase, history: CaseResponse[] = []): Promise<CaseResponse> {
    const { baseUrl, timeoutMs, budgetMs, knownDeviations } = this.options;
    const response = await send(baseUrl, testCase.request, timeoutMs);
    if (!this.answered && response.transportError)
      throw new TargetUnreachableError(`cannot reach ${baseUrl}: ${response.transportError}`);
    this.answered ||= !response.transportError;
    const results = judge({ testCase, response, budgetMs, history }, this.tools, knownDeviations);
    this.remember(testCase, response);
    this.options.emit({ type: 'case', testCase, response, results });
    return response;
  }

  emit(event: RunEvent): void {
    this.options.emit(event);
  }

  /** A successful create tells the verifier an entity that exists; a successful delete, one that does not. */
  private remember(testCase: TestCase, response: CaseResponse): void {
    const { operation } = testCase;
    const resource = testCase.spec.resources.find((r) => r.name === operation.mock.resource);
    if (!resource?.key || response.status < 200 || response.status >= 300) return;
    if (operation.mock.action === 'delete') {
      // Only the entity it deleted is gone: a chain deleting its own entity leaves the discovered one known.
      const known = this.known.get(resource.name);
      if (
        known &&
        testCase.key !== undefined &&
        String(known[operation.mock.by ?? resource.key]) === String(testCase.key)
      )
        this.known.delete(resource.name);
      return;
    }
    if (operation.mock.action !== 'create' || this.known.has(resource.name)) return;
    const at = entityPointer(operation);
    const entity = at && resolvePointer(response.body, at);
    if (
      entity &&
      typeof entity === 'object' &&
      (entity as Record<string, unknown>)[resource.key] !== undefined
    )
      this.known.set(resource.name, entity as Record<string, unknown>);
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
