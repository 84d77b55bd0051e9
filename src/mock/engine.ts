import { resolve } from 'node:path';
import type { PlainResponse } from '../http';
import { FakerPool } from '../generate';
import {
  SpecLoadError,
  successStatus,
  type ErrorKind,
  type Operation,
  type SecuritySchemeSpec,
  type SpecModel,
} from '../openapi';
import { SchemaCompiler } from '../schema';
import { Store, type StoreSnapshot } from '../state';
import { compileRequestValidator, type RequestValidator, ResponseValidator } from '../validate';
import { bindModules, type Bindings } from './bind';
import { ResourceRuntime } from './crud/resources';
import type { AdminContext } from './plugin';
import { populateStore } from './seed/populate';
import { readSeedFiles, type SeedFile } from './seed/seed-file';
import { checkLimits, DEFAULT_LIMITS, type MockLimits, type MockOptions } from './options';
import { DEFAULT_CLOCK_START, MockClock } from './services/clock';
import { Credentials } from './services/credentials';
import { DocumentedResponses } from './services/documented-responses';
import { RateLimiter } from './services/rate-limiter';
import { ReadCache } from './services/read-cache';
import { RequestLog } from './services/request-log';
import { Router } from './services/router';
import { Scenarios } from './services/scenarios';
import type { ActDeps } from './stages/act';
import { errorResponse } from './stages/envelope';
import { specOwningPath } from './stages/route';

export const BUNDLED_SEED_DIR = resolve(__dirname, '..', '..', 'fixtures', 'seed');

/**
 * A running mock's state, built once from the specs and the vendor modules: routes, validators, the store
 * and its services. It knows no vendor. The pipeline (handle.ts) hands each stage only the part it needs.
 * Construction fails with a SpecLoadError listing every name that resolves nowhere (file, pointer, name).
 */
export class MockEngine {
  readonly store = new Store();
  readonly clock: MockClock;
  readonly seed: number;
  readonly specs: readonly SpecModel[];
  readonly router = new Router<Operation>();
  readonly resources = new Map<string, ResourceRuntime>();
  readonly schemes = new Map<string, SecuritySchemeSpec>();
  readonly credentials: Credentials;
  readonly responses: ResponseValidator;
  readonly documented: DocumentedResponses;
  readonly scenarios: Scenarios;
  readonly log: RequestLog;
  readonly readCache: ReadCache;
  /** Counts requests per credential when rate limits are on (`rateLimits`); undefined otherwise. */
  readonly rateLimiter: RateLimiter | undefined;
  /** Fakers for behaviours and generated fields, returned after each answer. */
  readonly fakers = new FakerPool();
  readonly options: MockOptions;
  readonly limits: MockLimits;
  readonly bindings: Bindings;
  readonly actDeps: ActDeps;
  private readonly requestValidators = new Map<Operation, RequestValidator>();
  private readonly seeds: SeedFile[];
  /** The seeded state: what reset goes back to. */
  private readonly initial: StoreSnapshot;
  private readonly warned = new Set<string>();

  constructor(options: MockOptions) {
    this.options = options;
    const issuesCredentials = options.specs.some((spec) => spec.securitySchemes.some((s) => s.issuedBy));
    this.limits = checkLimits({ ...DEFAULT_LIMITS, ...options.limits }, issuesCredentials);
    this.specs = options.specs;
    this.seed = options.seed ?? 1;
    this.clock = new MockClock(this.store, options.clockStart ?? DEFAULT_CLOCK_START);
    const strict = new SchemaCompiler();
    const coercing = new SchemaCompiler({ coerceTypes: true });
    this.responses = new ResponseValidator(strict);
    this.documented = new DocumentedResponses(this.seed, () => this.clock.now());
    this.scenarios = new Scenarios(this.specs, strict, successStatus, this.seed);
    this.log = new RequestLog(options.requestLogSize ?? 500);
    const seeds = readSeedFiles(this.specs, options.seedDir ?? [BUNDLED_SEED_DIR]);
    const bound = bindModules(this.specs, options.modules ?? [], seeds.seeds);
    if (seeds.problems.length + bound.problems.length > 0)
      throw new SpecLoadError([...seeds.problems, ...bound.problems]);
    this.seeds = seeds.seeds;
    this.bindings = bound.bindings;
    for (const spec of this.specs) this.addSpec(spec, coercing, strict);
    this.readCache = new ReadCache();
    this.rateLimiter = options.rateLimits ? new RateLimiter() : undefined;
    this.credentials = new Credentials(this.store, [...this.schemes.values()], {
      overrides: options.credentials,
      maxIssued: this.limits.maxIssuedCredentials,
      now: () => this.clock.now(),
    });
    this.actDeps = {
      store: this.store,
      clock: this.clock,
      seed: this.seed,
      resources: this.resources,
      behaviours: this.bindings.behaviours,
      documented: this.documented,
      fakers: this.fakers,
      credentials: this.credentials,
      schemes: this.schemes,
    };
    this.populate();
    this.initial = this.store.snapshot();
    // The fixtures may be as large as they like; what requests add is bounded.
    this.store.setBounds({
      maxEntities: this.limits.maxCollectionSize,
      maxListItems: this.limits.maxListItems,
      maxWrittenBytes: this.limits.maxWrittenBytes,
    });
  }

  private addSpec(spec: SpecModel, coercing: SchemaCompiler, strict: SchemaCompiler): void {
    for (const scheme of spec.securitySchemes) this.schemes.set(scheme.name, scheme);
    for (const resource of spec.resources) {
      this.resources.set(
        resource.name,
        new ResourceRuntime(
          resource,
          this.store,
          this.clock,
          this.seed,
          this.limits.maxCollectionSize,
          this.fakers,
        ),
      );
    }
    for (const operation of spec.operations) {
      this.router.add(operation.method, operation.path, operation);
      // Compiled on first use: a mock of 170 operations answers its first request sooner.
      let compiled: RequestValidator | undefined;
      this.requestValidators.set(operation, (request, params) =>
        (compiled ??= compileRequestValidator(operation, { coercing, strict }, this.limits))(request, params),
      );
    }
  }

  private populate(): void {
    populateStore({
      seeds: this.seeds,
      generatorOf: this.bindings.generatorOf,
      store: this.store,
      seed: this.seed,
      clock: this.clock,
      resource: (name) => this.resources.get(name),
      credentials: this.credentials,
    });
    this.fakers.releaseAll();
  }

  requestValidator(operation: Operation): RequestValidator {
    return this.requestValidators.get(operation) as RequestValidator;
  }

  /**
   * A refusal for a request that never reached the pipeline (Node's HTTP parser gave up on it), in the
   * envelope of the spec its path belongs to.
   */
  refuseUnparsed(path: string, kind: ErrorKind, message: string): PlainResponse {
    const spec = specOwningPath(this.specs, path);
    if (!spec) return { status: 400, headers: { 'content-type': 'application/json' }, body: { message } };
    return errorResponse(spec, undefined, kind, [message]);
  }

  /** What vendor admin routes and clock listeners may touch. */
  adminContext(): AdminContext {
    return {
      store: this.store,
      clock: this.clock,
      seed: this.seed,
      resourceNamed: (name) => this.resources.get(name),
    };
  }

  /** Moves the virtual clock on and lets vendor modules catch up (hourly syncs run for each hour passed). */
  advanceClock(ms: number): void {
    const from = this.clock.now();
    const to = this.clock.advance(ms);
    for (const listener of this.bindings.clockListeners) listener(this.adminContext(), from, to);
  }

  /** Back to the seeded state: the store, the clock and the issued credentials; scenarios and the log too. */
  reset(): void {
    this.store.restore(this.initial);
    this.scenarios.clear();
    this.log.clear();
    this.rateLimiter?.clear();
  }

  /** Replaces the state (a state file being loaded). */
  restore(snapshot: StoreSnapshot): void {
    this.store.restore(snapshot);
  }

  operationsOf(specId: string): Operation[] {
    return this.specs.find((spec) => spec.id === specId)?.operations ?? [];
  }

  /** Logs a message once: a mock bug is reported, but not a thousand times. */
  warnOnce(message: string): void {
    if (this.warned.has(message) || this.warned.size >= 1000) return;
    this.warned.add(message);
    (this.options.warn ?? ((m: string) => console.warn(`secmock: ${m}`)))(message);
  }
}
