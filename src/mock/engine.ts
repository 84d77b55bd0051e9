import { resolve } from 'node:path';
import type { PlainRequest, PlainResponse } from '../http';
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
import { freezeSnapshot, Store, type StoreSnapshot } from '../state';
import { compileRequestValidator, type RequestValidator, ResponseValidator } from '../validate';
import { bindModules, type Bindings } from './bind';
import { ResourceRuntime } from './crud/resources';
import type { AdminContext } from './plugin';
import { builtWorld, keepWorld, preparedWorld, worldKey } from './prepared-world';
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
import { DEFAULT_MAX_SESSIONS, DEFAULT_SESSION_IDLE_MS, SESSION_HEADER, Sessions } from './services/sessions';
import type { ActDeps } from './stages/act';
import { errorResponse } from './stages/envelope';
import { specOwningPath } from './stages/route';

export const BUNDLED_SEED_DIR = resolve(__dirname, '..', '..', 'fixtures', 'seed');

/**
 * A running mock's state, built once from the specs and the vendor modules: routes, validators, the store
 * and its services. It knows no vendor. The pipeline (handle.ts) hands each stage only the part it needs.
 * Construction fails with a SpecLoadError listing every name that resolves nowhere (file, pointer, name).
 */
/** What a session's world keeps of its own history and repeated reads (the shared world keeps more). */
const SESSION_LOG_SIZE = 100;
const SESSION_CACHE_ENTRIES = 200;
const SESSION_CACHE_CHARS = 1_048_576;

export class MockEngine {
  readonly store = new Store();
  readonly clock: MockClock;
  readonly seed: number;
  readonly specs: readonly SpecModel[];
  readonly router: Router<Operation>;
  readonly resources = new Map<string, ResourceRuntime>();
  readonly schemes: Map<string, SecuritySchemeSpec>;
  readonly credentials: Credentials;
  readonly responses: ResponseValidator;
  readonly documented: DocumentedResponses;
  readonly scenarios: Scenarios;
  readonly log: RequestLog;
  readonly readCache: ReadCache;
  /** Counts requests per credential when rate limits are on (`rateLimits`); undefined otherwise. */
  readonly rateLimiter: RateLimiter | undefined;
  /** Fakers for behaviours and generated fields, returned after each answer. */
  readonly fakers: FakerPool;
  readonly options: MockOptions;
  readonly limits: MockLimits;
  readonly bindings: Bindings;
  readonly actDeps: ActDeps;
  /** The isolated worlds of `x-secmock-session` (only the default world has them). */
  readonly sessions: Sessions<MockEngine> | undefined;
  /** The session's name, for a session's world. */
  readonly sessionName: string | undefined;
  private readonly requestValidators: Map<Operation, RequestValidator>;
  private readonly seeds: SeedFile[];
  private readonly compilers: { strict: SchemaCompiler; coercing: SchemaCompiler };
  /** The seeded state: what reset goes back to. */
  private readonly initial: StoreSnapshot;
  /** What the build files this world under (prepared-world.ts); undefined when a spec has no file. */
  private preparedKey: string | undefined;
  private readonly warned: Set<string>;

  /**
   * Builds the mock from its options; or, given `parent`, a session's world: it shares everything the
   * specs decide (routes, validators, bindings, the fixtures as a frozen snapshot) and owns what requests
   * change (its store, clock, credentials, scenarios, request log and caches).
   */
  constructor(options: MockOptions, parent?: { engine: MockEngine; name: string }) {
    this.options = options;
    const from = parent?.engine;
    if (from) {
      this.limits = from.limits;
      this.specs = from.specs;
      this.seed = from.seed;
      this.compilers = from.compilers;
      this.router = from.router;
      this.schemes = from.schemes;
      this.requestValidators = from.requestValidators;
      this.responses = from.responses;
      this.seeds = from.seeds;
      this.bindings = from.bindings;
      this.fakers = from.fakers;
      this.warned = from.warned;
    } else {
      const issuesCredentials = options.specs.some((spec) => spec.securitySchemes.some((s) => s.issuedBy));
      this.limits = checkLimits({ ...DEFAULT_LIMITS, ...options.limits }, issuesCredentials);
      this.specs = options.specs;
      this.seed = options.seed ?? 1;
      this.compilers = { strict: new SchemaCompiler(), coercing: new SchemaCompiler({ coerceTypes: true }) };
      this.router = new Router<Operation>();
      this.schemes = new Map();
      this.requestValidators = new Map();
      this.responses = new ResponseValidator(this.compilers.strict);
      const seeds = readSeedFiles(this.specs, options.seedDir ?? [BUNDLED_SEED_DIR]);
      const bound = bindModules(this.specs, options.modules ?? [], seeds.seeds);
      if (seeds.problems.length + bound.problems.length > 0)
        throw new SpecLoadError([...seeds.problems, ...bound.problems]);
      this.seeds = seeds.seeds;
      this.bindings = bound.bindings;
      this.fakers = new FakerPool();
      this.warned = new Set();
    }
    this.sessionName = parent?.name;
    this.clock = new MockClock(this.store, options.clockStart ?? DEFAULT_CLOCK_START);
    // Shared with sessions: a generated documented answer is a function of the spec and seed, and one cache
    // of them bounds memory however many sessions there are.
    this.documented = from ? from.documented : new DocumentedResponses(this.seed, () => this.clock.now());
    this.scenarios = new Scenarios(this.specs, this.compilers.strict, successStatus, this.seed);
    // A session keeps less history than the shared world: there may be hundreds of them.
    const logSize = options.requestLogSize ?? 500;
    this.log = new RequestLog(from ? Math.min(logSize, SESSION_LOG_SIZE) : logSize);
    for (const spec of this.specs) this.addSpec(spec, !from);
    this.readCache = from ? new ReadCache(SESSION_CACHE_ENTRIES, SESSION_CACHE_CHARS) : new ReadCache();
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
    if (from) {
      this.initial = from.sharedInitial();
      this.store.share(this.initial);
      this.sessions = undefined;
    } else {
      this.initial = this.seededWorld();
      this.sessions = new Sessions((name) => new MockEngine(this.options, { engine: this, name }), {
        maxSessions: options.maxSessions ?? DEFAULT_MAX_SESSIONS,
        idleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
      });
    }
    // The fixtures may be as large as they like; what requests add is bounded.
    this.store.setBounds({
      maxEntities: this.limits.maxCollectionSize,
      maxListItems: this.limits.maxListItems,
      maxWrittenBytes: this.limits.maxWrittenBytes,
    });
  }

  /** The seeded world and the name the build gives its file, for `npm run build` to prepare it. */
  seededWorldToPrepare(): { key: string; world: StoreSnapshot } | undefined {
    return this.preparedKey === undefined ? undefined : { key: this.preparedKey, world: this.initial };
  }

  /** The seeded state, frozen on first use so that session worlds can share it without copying. */
  private sharedInitial(): StoreSnapshot {
    return freezeSnapshot(this.initial);
  }

  /** The world a request addresses: its `x-secmock-session` (or the `--session` default), else this one. */
  worldFor(request: PlainRequest): MockEngine {
    const name = request.headers[SESSION_HEADER] ?? this.options.session;
    if (!name || !this.sessions) return this;
    return this.sessions.get(name);
  }

  /** The spec's resources on this world's store; its routes and validators once, for the default world. */
  private addSpec(spec: SpecModel, routes: boolean): void {
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
    if (!routes) return;
    for (const scheme of spec.securitySchemes) this.schemes.set(scheme.name, scheme);
    const { coercing, strict } = this.compilers;
    for (const operation of spec.operations) {
      this.router.add(operation.method, operation.path, operation);
      // Compiled on first use: a mock of 170 operations answers its first request sooner.
      let compiled: RequestValidator | undefined;
      this.requestValidators.set(operation, (request, params) =>
        (compiled ??= compileRequestValidator(operation, { coercing, strict }, this.limits))(request, params),
      );
    }
  }

  /**
   * The seeded world, shared copy-on-write: one this process already built for the same inputs, else the one
   * the build prepared (when the modules are the shipped ones it used), else built now and kept.
   */
  private seededWorld(): StoreSnapshot {
    const inputs = {
      seed: this.seed,
      clockStart: this.options.clockStart ?? DEFAULT_CLOCK_START,
      credentials: this.options.credentials,
      limits: this.limits,
      seeds: this.seeds,
      specs: this.specs,
      modules: this.options.modules ?? [],
    };
    const key = worldKey(inputs, true);
    const prepared = worldKey(inputs, false);
    this.preparedKey = prepared;
    const known =
      (key && builtWorld(key)) || (this.options.preparedWorlds && prepared && preparedWorld(prepared));
    if (known) {
      this.store.share(known);
      return key ? keepWorld(key, known) : known;
    }
    this.populate();
    const world = this.store.snapshot();
    return key ? keepWorld(key, world) : world;
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
    // Back to sharing the frozen fixtures: nothing is copied until a write.
    this.store.share(this.sharedInitial());
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
