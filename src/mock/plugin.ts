import type { Faker } from '@faker-js/faker';
import type { PlainRequest, PlainResponse } from '../http';
import type { Operation, SpecModel } from '../openapi';
import type { Store } from '../state';
import type { ValidatedRequest } from '../validate';
import type { ResourceRuntime } from './crud/resources';
import type { TemplateScope } from '../openapi';
import type { Outcome } from './outcome';
import type { MockClock } from './services/clock';

/**
 * The contract a vendor module implements (src/vendors/<spec-id>/index.ts). A module belongs to one spec:
 * its `id` is the spec's id (the spec file's name without extension), and the names that spec gives in
 * `x-secmock.behaviour` and that its seed file gives under `generators` resolve inside this module only.
 * The engine imports no vendor: the composition root (server/) hands the modules in, and library users
 * add their own with `createMockApp({ modules: [...] })`.
 */
export interface VendorModule {
  /** The spec id this module belongs to, e.g. `lacework-edge`. */
  id: string;
  /** What the vendor does on top of the generic action, by the name the spec's annotation gives. */
  behaviours?: Record<string, Behaviour>;
  /** Rich seed datasets, by the name the seed file's `generators` gives. */
  generators?: Record<string, SeedGenerator>;
  /** Extra admin routes under /__secmock/, keyed `METHOD path` (e.g. `POST akto/jira/tickets/status`). */
  adminRoutes?: Record<string, AdminRoute>;
  /** Called when the admin API moves the virtual clock on (e.g. an hourly sync runs for each hour passed). */
  onClockAdvance?: ClockListener;
}

/** A vendor behaviour: answers one operation, usually by adding to the generic action. */
export type Behaviour = (ctx: BehaviourContext) => Outcome;

/** What a behaviour gets: the request, the shared store, and the generic engine to fall back on. */
export interface BehaviourContext {
  spec: SpecModel;
  operation: Operation;
  request: ValidatedRequest;
  store: Store;
  clock: MockClock;
  seed: number;
  /** The operation's annotated resource, if any. */
  resource?: ResourceRuntime;
  /** Any resource of any served spec, by name (undefined when that spec is not served). */
  resourceNamed(name: string): ResourceRuntime | undefined;
  /** Runs the operation's generic action (create, read...) or, without one, the documented response. */
  generic(): Outcome;
  /** The documented example or generated body of a status. */
  documented(status?: number): unknown;
  /** Renders a template with the request in scope ($body, $query, $path, $now...). */
  render(template: unknown, extra?: TemplateScope): unknown;
  /** Moves the clock one write further. */
  tick(): void;
  /** A faker seeded by the run seed and the given parts: deterministic values for this request. */
  faker(...parts: Array<string | number>): Faker;
  /** Credentials minted or withdrawn at run time (a created API token that can log in, a suspended one). */
  credentials: CredentialControl;
}

export interface CredentialControl {
  /** Makes the value valid for the scheme (until `expiresAt` on the mock clock, if given). */
  issue(scheme: string, value: string, options?: { scopes?: string[]; expiresAt?: number }): void;
  revoke(scheme: string, value: string): void;
  /** Whether the value is currently accepted for the scheme. */
  lookup(scheme: string, value: string): { scopes?: string[] } | undefined;
  /** Whether the value is a configured credential of the scheme (the spec's or --credentials), not an issued one. */
  isConfigured(scheme: string, value: string): boolean;
  /** How many issued credentials of a scheme stay valid at once (past it, the oldest expire). */
  readonly maxIssued: number;
}

/** A named seed generator: fills the store with a rich, coherent dataset at start-up (and on reset). */
export type SeedGenerator = (ctx: SeedContext) => void;

export interface SeedContext {
  faker: Faker;
  /** Seeded API tokens can be made valid credentials. */
  credentials: CredentialControl;
  seed: number;
  /** The mock clock at start-up, in ms. */
  now: number;
  /** The generator's `options` from the seed file. */
  options: Record<string, unknown>;
  store: Store;
  /** A resource of the served specs; an unknown name is a seed mistake and throws. */
  resource(name: string): ResourceRuntime;
}

/** What vendor admin routes and clock listeners may touch. */
export interface AdminContext {
  store: Store;
  clock: MockClock;
  seed: number;
  resourceNamed(name: string): ResourceRuntime | undefined;
}

export type AdminRoute = (request: PlainRequest, body: unknown, ctx: AdminContext) => PlainResponse;

export type ClockListener = (ctx: AdminContext, fromMs: number, toMs: number) => void;
