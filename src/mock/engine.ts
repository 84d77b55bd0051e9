import { resolve } from 'node:path';
import type { Operation, SecuritySchemeSpec, SpecModel } from '../openapi/model';
import { successStatus } from '../openapi/status';
import { Store, type StoreSnapshot } from '../state/store';
import { compileRequestValidator, type RequestValidator } from '../validate/request';
import { ResponseValidator } from '../validate/response';
import { SchemaCompiler } from '../schema';
import { BUILTIN_MODULES, type Behaviour, type BehaviourModule } from '../vendors';
import type { AdminContext, AdminRoute } from './plugin';
import { DEFAULT_CLOCK_START, MockClock } from './services/clock';
import { Credentials } from './services/credentials';
import { DocumentedResponses } from './services/documented-responses';
import { populateFixtures, readFixtureFile, type FixtureGenerator } from './seed/populate';
import { FakerPool } from '../generate/seed';
import { ReadCache } from './services/read-cache';
import { RequestLog } from './services/request-log';
import { ResourceRuntime } from './crud/resources';
import { Router } from './router';
import { Scenarios } from './services/scenarios';

export interface MockOptions {
  specs: SpecModel[];
  /** Seeds fixtures and generated values; same seed, same answers. Default 1. */
  seed?: number;
  /** Start of the virtual clock (ms since epoch). Default 2025-09-09T18:00:00Z. */
  clockStart?: number;
  /** Added to every response. */
  latencyMs?: number;
  /** Replaces the default credentials of a security scheme, by scheme name. */
  credentials?: Record<string, Array<{ value: string; scopes?: string[] }>>;
  /** Where `<spec-id>.yaml` fixture files are; false for an empty store. Default: the bundled fixtures/. */
  fixturesDir?: string | false;
  modules?: BehaviourModule[];
  requestLogSize?: number;
  /** When set, the admin API requires it (header x-secmock-admin-token) and answers any peer. */
  adminToken?: string;
  /** Bounds that keep a long run's memory flat; each is refused with a clear 4xx when exceeded. */
  limits?: Partial<MockLimits>;
  warn?: (message: string) => void;
}

export interface MockLimits {
  /** Largest array accepted anywhere in a JSON body. */
  maxArrayItems: number;
  /** Deepest nesting accepted in a JSON body. */
  maxDepth: number;
  /** Entities one collection may hold; a create beyond it is refused. */
  maxCollectionSize: number;
  /** Credentials minted by logins that stay valid at once, per scheme (the oldest expire first). */
  maxIssuedCredentials: number;
}

export const DEFAULT_LIMITS: MockLimits = {
  maxArrayItems: 10_000,
  maxDepth: 64,
  maxCollectionSize: 50_000,
  maxIssuedCredentials: 1_000,
};

export const BUNDLED_FIXTURES_DIR = resolve(__dirname, '..', '..', 'fixtures', 'seed');

/** Everything a running mock holds, built once from the specs; the pipeline reads it per request. */
export class MockRuntime {
  readonly store = new Store();
  readonly clock: MockClock;
  readonly seed: number;
  readonly specs: SpecModel[];
  readonly specById = new Map<string, SpecModel>();
  readonly router = new Router<Operation>();
  readonly resources = new Map<string, ResourceRuntime>();
  readonly schemes = new Map<string, SecuritySchemeSpec>();
  readonly credentials: Credentials;
  readonly requestValidators = new Map<Operation, RequestValidator>();
  readonly responseValidator: ResponseValidator;
  readonly documented: DocumentedResponses;
  readonly scenarios: Scenarios;
  readonly log: RequestLog;
  readonly readCache: ReadCache;
  /** Fakers for behaviours and generated fields, returned after each answer. */
  readonly fakers = new FakerPool();
  readonly behaviours = new Map<string, Behaviour>();
  readonly adminRoutes = new Map<string, AdminRoute>();
  private readonly clockListeners: NonNullable<BehaviourModule['onClockAdvance']>[] = [];
  readonly options: MockOptions;
  readonly limits: MockLimits;
  private readonly generators: Record<string, FixtureGenerator> = {};
  /** The fixtures: what reset goes back to. */
  private initial: StoreSnapshot;
  private readonly warned = new Set<string>();

  constructor(options: MockOptions) {
    this.options = options;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.specs = options.specs;
    this.seed = options.seed ?? 1;
    this.clock = new MockClock(this.store, options.clockStart ?? DEFAULT_CLOCK_START);
    const strict = new SchemaCompiler();
    const coercing = new SchemaCompiler({ coerceTypes: true });
    this.responseValidator = new ResponseValidator(strict);
    this.documented = new DocumentedResponses(this.seed, () => this.clock.now());
    this.scenarios = new Scenarios(this.specs, strict, successStatus);
    this.log = new RequestLog(options.requestLogSize ?? 500);
    for (const module of options.modules ?? BUILTIN_MODULES) this.register(module);
    for (const spec of this.specs) {
      this.specById.set(spec.id, spec);
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
          (compiled ??= compileRequestValidator(operation, coercing, strict, this.limits))(request, params),
        );
      }
    }
    this.readCache = new ReadCache([
      'authorization',
      'cookie',
      ...[...this.schemes.values()].flatMap((s) =>
        s.type === 'apiKey' && s.in === 'header' && s.paramName ? [s.paramName.toLowerCase()] : [],
      ),
    ]);
    this.credentials = new Credentials(this.store, [...this.schemes.values()], {
      overrides: options.credentials,
      maxIssued: this.limits.maxIssuedCredentials,
      now: () => this.clock.now(),
    });
    this.populate();
    this.fakers.releaseAll();
    this.initial = this.store.snapshot();
  }

  private register(module: BehaviourModule): void {
    for (const [name, behaviour] of Object.entries(module.behaviours))
      this.behaviours.set(`${module.name}.${name}`, behaviour);
    for (const [name, generator] of Object.entries(module.generators ?? {}))
      this.generators[`${module.name}.${name}`] = generator;
    for (const [route, handler] of Object.entries(module.adminRoutes ?? {}))
      this.adminRoutes.set(route, handler);
    if (module.onClockAdvance) this.clockListeners.push(module.onClockAdvance);
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
    for (const listener of this.clockListeners) listener(this.adminContext(), from, to);
  }

  private populate(): void {
    const dir = this.options.fixturesDir === undefined ? BUNDLED_FIXTURES_DIR : this.options.fixturesDir;
    if (dir === false) return;
    const files = this.specs.flatMap((spec) => {
      const fixture = readFixtureFile(dir, spec);
      return fixture ? [{ spec, fixture }] : [];
    });
    populateFixtures({
      files,
      store: this.store,
      seed: this.seed,
      clock: this.clock,
      resource: (name) => this.resources.get(name),
      generators: this.generators,
      credentials: this.credentials,
    });
  }

  /** Back to the fixtures: the store, the clock and the issued credentials; scenarios and the log are cleared. */
  reset(): void {
    this.store.restore(this.initial);
    this.scenarios.clear();
    this.log.clear();
  }

  /** Replaces the state (a state file being loaded). */
  restore(snapshot: StoreSnapshot): void {
    this.store.restore(snapshot);
  }

  operationsOf(specId: string): Operation[] {
    return this.specById.get(specId)?.operations ?? [];
  }

  /** Logs a message once: a mock bug is reported, but not a thousand times. */
  warnOnce(message: string): void {
    if (this.warned.has(message) || this.warned.size >= 1000) return;
    this.warned.add(message);
    (this.options.warn ?? ((m: string) => console.warn(`secmock: ${m}`)))(message);
  }
}
