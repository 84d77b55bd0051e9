import type { Faker } from '@faker-js/faker';
import type { Operation, ResourceSpec, SpecModel } from '../openapi/model';
import type { Store } from '../state/store';
import type { ValidatedRequest } from '../validate/request';
import type { MockClock } from './services/clock';
import type { FixtureGenerator } from './seed/populate';
import type { Outcome } from './outcome';
import type { ResourceRuntime } from './crud/resources';
import type { TemplateScope } from './crud/template';
import type { PlainRequest, PlainResponse } from '../http/types';

/** What a vendor behaviour gets: the request, the shared store, and the generic engine to fall back on. */
export interface BehaviourContext {
  spec: SpecModel;
  operation: Operation;
  request: ValidatedRequest;
  store: Store;
  clock: MockClock;
  seed: number;
  /** The operation's annotated resource, if any. */
  resource?: ResourceRuntime;
  /** Any resource of any loaded spec, by name (undefined when that spec is not served). */
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
  /** How many issued credentials of a scheme stay valid at once (past it, the oldest expire). */
  readonly maxIssued: number;
}

export type Behaviour = (ctx: BehaviourContext) => Outcome;

/** Admin routes a vendor module adds under /__secmock/<path> (e.g. Jira sync controls). */
export interface AdminContext {
  store: Store;
  clock: MockClock;
  seed: number;
  resourceNamed(name: string): ResourceRuntime | undefined;
}
export type AdminRoute = (request: PlainRequest, body: unknown, ctx: AdminContext) => PlainResponse;

export interface BehaviourModule {
  name: string;
  behaviours: Record<string, Behaviour>;
  generators?: Record<string, FixtureGenerator>;
  /** Keyed `METHOD path`, e.g. `POST akto/jira/status`. */
  adminRoutes?: Record<string, AdminRoute>;
  /** Called when the admin API moves the virtual clock on (e.g. to run an hourly sync for each hour passed). */
  onClockAdvance?: (ctx: AdminContext, fromMs: number, toMs: number) => void;
}

export type { ResourceSpec };
