import { createFaker, hashSeed } from '../../generate/seed';
import type { Operation, SpecModel } from '../../openapi/model';
import { resolvePointer } from '../../openapi/pointer';
import { entityPointer, itemsPointer } from '../../openapi/templates';
import { ResponseValidator } from '../../validate/response';
import { SchemaCompiler } from '../../schema';
import { runChain } from '../plan/chains';
import { CHECKS } from '../checks';
import { CredentialBook } from '../plan/credentials';
import { isMutating } from '../plan/expectations';
import { findKnown, type KnownDeviation } from '../known-deviations';
import {
  authCases,
  makeCase,
  negativeCases,
  positiveCases,
  validBodies,
  type PlanContext,
} from '../plan/cases';
import { validParts, withKey } from '../plan/request-parts';
import { send } from './transport';
import type { CaseResponse, CheckResult, CheckTools, RunEvent, TestCase } from '../types';

export interface RunOptions {
  baseUrl: string;
  specs: SpecModel[];
  operations: Operation[];
  credentials: Record<string, string>;
  knownDeviations: KnownDeviation[];
  readOnly: boolean;
  seed: number;
  timeoutMs: number;
  budgetMs?: number;
  emit(event: RunEvent): void;
}

/** Runs every case of the plan in order: logins, key discovery, prerequisites, chains, then each operation. */
export class Runner {
  private readonly validators = new SchemaCompiler();
  private readonly responses = new ResponseValidator(this.validators);
  private readonly book: CredentialBook;
  /** One stored entity per resource (from lists and creates), to address by-id operations. */
  private readonly known = new Map<string, Record<string, unknown>>();
  private nextCaseId = 1;
  private readonly tools: CheckTools;

  constructor(private readonly options: RunOptions) {
    this.book = new CredentialBook(options.specs, options.credentials);
    this.tools = { validateResponse: (operation, response) => this.validate(operation, response) };
  }

  async run(): Promise<void> {
    for (const spec of this.options.specs) {
      const planned = this.options.operations.filter((op) => op.specId === spec.id);
      if (planned.length === 0) continue;
      await this.login(spec);
      await this.discoverKeys(spec, planned);
      if (!this.options.readOnly) {
        for (const resource of spec.resources) {
          await runChain(resource, planned, this.context(spec, 'chain', resource.name), {
            execute: (c) => this.execute(c),
            prepare: (operation) => this.prepare(spec, operation),
          });
        }
      }
      for (const operation of orderForRun(planned)) await this.verifyOperation(spec, operation);
    }
  }

  private context(spec: SpecModel, ...parts: Array<string | number>): PlanContext {
    return {
      spec,
      book: this.book,
      validators: this.validators,
      faker: createFaker(hashSeed(this.options.seed, spec.id, ...parts)),
      now: Date.parse('2025-09-09T18:00:00Z'),
      nextId: () => this.nextCaseId++,
      knownKey: (operation) => this.knownKey(spec, operation),
    };
  }

  private knownKey(spec: SpecModel, operation: Operation): unknown {
    const resource = spec.resources.find((r) => r.name === operation.mock.resource);
    const entity = this.known.get(operation.mock.resource ?? '');
    return resource?.key && entity ? entity[operation.mock.by ?? resource.key] : undefined;
  }

  /** Schemes whose credential is minted by a login operation (Lacework's token login) get one first. */
  private async login(spec: SpecModel): Promise<void> {
    for (const scheme of spec.securitySchemes) {
      if (!scheme.issuedBy || this.book.get(scheme.name) !== undefined) continue;
      const operation = spec.operations.find((op) => op.operationId === scheme.issuedBy?.operationId);
      if (!operation) continue;
      const ctx = this.context(spec, 'login');
      const body = validBodies(operation, ctx)[0]?.body;
      const response = await this.execute(
        makeCase(
          operation,
          ctx,
          'setup',
          `log in for ${scheme.name}`,
          validParts(operation, ctx.faker, ctx.now, body),
          { kind: 'accept', strict: true },
        ),
      );
      const value = resolvePointer(response.body, [scheme.issuedBy.field]);
      if (typeof value === 'string') this.book.set(scheme.name, value);
    }
  }

  /** Stored keys from each resource's list, so that by-id operations are tested on entities that exist. */
  private async discoverKeys(spec: SpecModel, planned: Operation[]): Promise<void> {
    for (const resource of spec.resources) {
      const list = planned.find((op) => op.mock.resource === resource.name && op.mock.action === 'list');
      const items = list && itemsPointer(list);
      if (!list || !items || !resource.key) continue;
      const ctx = this.context(spec, 'discover', resource.name);
      const response = await this.execute(
        makeCase(
          list,
          ctx,
          'generated',
          `discover ${resource.name}`,
          validParts(list, ctx.faker, ctx.now, validBodies(list, ctx)[0]?.body),
          { kind: 'accept', strict: !list.mock.behaviour },
        ),
      );
      const found = resolvePointer(response.body, items);
      const first = Array.isArray(found) ? (found[0] as Record<string, unknown> | undefined) : undefined;
      if (first?.[resource.key] !== undefined) this.known.set(resource.name, first);
    }
  }

  private async verifyOperation(spec: SpecModel, operation: Operation): Promise<void> {
    if (this.options.readOnly && isMutating(operation)) {
      this.options.emit({
        type: 'skipped',
        spec: spec.id,
        operationId: operation.operationId,
        reason: 'mutating operation (--read-only)',
      });
      return;
    }
    if (!this.options.readOnly) await this.prepare(spec, operation);
    const ctx = this.context(spec, operation.operationId);
    const positives = positiveCases(operation, ctx);
    for (const testCase of positives) await this.execute(testCase);
    const base = positives[0] && partsOf(operation, ctx, this.knownKey(spec, operation));
    if (!base) return;
    for (const testCase of [...negativeCases(operation, ctx, base), ...authCases(operation, ctx, base)])
      await this.execute(testCase);
  }

  /** Configures what the operation `requires` (e.g. a Jira integration before creating tickets). */
  private async prepare(spec: SpecModel, operation: Operation): Promise<void> {
    for (const name of operation.mock.requires) {
      const setup = spec.operations.find(
        (op) => op.mock.resource === name && (op.mock.action === 'upsert' || op.mock.action === 'create'),
      );
      if (!setup) continue;
      const ctx = this.context(spec, 'setup', name);
      const body = validBodies(setup, ctx)[0]?.body;
      await this.execute(
        makeCase(setup, ctx, 'setup', `configure ${name}`, validParts(setup, ctx.faker, ctx.now, body), {
          kind: 'accept',
          strict: false,
        }),
      );
    }
  }

  async execute(testCase: TestCase): Promise<CaseResponse> {
    const response = await send(this.options.baseUrl, testCase.request, this.options.timeoutMs);
    const results = CHECKS.map((check): CheckResult => {
      const failures = check.run({ testCase, response, budgetMs: this.options.budgetMs }, this.tools);
      if (failures === undefined) return { check: check.id, outcome: 'skipped', failures: [] };
      if (failures.length === 0) return { check: check.id, outcome: 'passed', failures };
      const reason = findKnown(
        this.options.knownDeviations,
        testCase.spec.id,
        testCase.operation.operationId,
        check.id,
      );
      return { check: check.id, outcome: reason ? 'known' : 'failed', failures, reason };
    });
    this.rememberKey(testCase, response);
    this.options.emit({ type: 'case', testCase, response, results });
    return response;
  }

  /** A successful create tells the verifier an entity that exists; a successful delete, one that does not. */
  private rememberKey(testCase: TestCase, response: CaseResponse): void {
    const { operation } = testCase;
    const resource = testCase.spec.resources.find((r) => r.name === operation.mock.resource);
    if (!resource?.key || response.status < 200 || response.status >= 300) return;
    if (operation.mock.action === 'delete') {
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
    ) {
      this.known.set(resource.name, entity as Record<string, unknown>);
    }
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

/** The valid request that negative and auth cases start from. */
function partsOf(operation: Operation, ctx: PlanContext, key: unknown) {
  const body = validBodies(operation, ctx)[0]?.body;
  return withKey(operation, validParts(operation, ctx.faker, ctx.now, body), key);
}

/** Reads first, then writes, deletes last: a delete must not pull the ground from under later cases. */
export function orderForRun(operations: Operation[]): Operation[] {
  const rank = (op: Operation) =>
    !isMutating(op) ? 0 : op.mock.action === 'delete' || op.method === 'delete' ? 2 : 1;
  return [...operations].sort((a, b) => rank(a) - rank(b));
}
