import { NETWORK_FAULTS, type NetworkFault } from '../../http';
import { hashSeed, seededRandom } from '../../generate';
import { findResponse, type Operation, type SpecModel } from '../../openapi';
import { formatViolation, type SchemaCompiler } from '../../schema';

/** Statuses any vendor can answer when it is down or throttling, documented or not. */
export const OUTAGE_STATUSES = [429, 500, 502, 503, 504] as const;

/** `outage`: an HTTP status from OUTAGE_STATUSES in the vendor's envelope; the rest break the connection. */
export type FaultKind = 'outage' | NetworkFault;
const FAULT_KINDS: readonly string[] = ['outage', ...NETWORK_FAULTS];

/**
 * Forced answers set through the admin API: a status, a documented example, a body or a delay, applied
 * once (or `times` times) or until reset. An override the spec contradicts is refused with the reason.
 */
export interface ScenarioInput {
  operationId: string;
  spec?: string;
  status?: number;
  example?: string;
  body?: unknown;
  /** Added to the answer: a fixed time, or a time drawn between `min` and `max` (seeded). */
  delayMs?: number | { min: number; max: number };
  /** How many requests it applies to; 'always' lasts until reset. Default 1. */
  times?: number | 'always';
  /** A fault instead of an answer; `outage` takes its `status` from OUTAGE_STATUSES. */
  fault?: FaultKind;
  /** Seconds for the `Retry-After` of an outage (429 or 503). */
  retryAfter?: number;
  /** The share of matching requests it applies to (0 < p <= 1), drawn from a seeded sequence. */
  probability?: number;
  /** Seeds the draws of `probability` and `delayMs` (default: the mock's seed): the same run, the same draws. */
  seed?: number;
}

export interface Scenario extends ScenarioInput {
  id: number;
  remaining: number | 'always';
  operation: Operation;
  /** The scenario's own seeded draws, in [0, 1). */
  draw: () => number;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; reasons: string[] };

export class Scenarios {
  private active: Scenario[] = [];
  private nextId = 1;

  constructor(
    private readonly specs: readonly SpecModel[],
    private readonly validators: SchemaCompiler,
    private readonly successStatusOf: (operation: Operation) => number | undefined,
    private readonly seed = 1,
  ) {}

  add(input: ScenarioInput): ScenarioResult {
    const candidates = this.specs
      .filter((s) => input.spec === undefined || s.id === input.spec)
      .flatMap((s) => s.operations.filter((op) => op.operationId === input.operationId));
    if (candidates.length === 0) return { ok: false, reasons: [`unknown operation '${input.operationId}'`] };
    if (candidates.length > 1)
      return { ok: false, reasons: [`'${input.operationId}' is ambiguous: give 'spec'`] };
    const operation = candidates[0];
    const reasons = this.contradictions(operation, input);
    if (reasons.length > 0) return { ok: false, reasons };
    const times = input.times ?? 1;
    const draw = seededRandom(
      hashSeed(input.seed ?? this.seed, operation.operationId, input.fault ?? 'answer'),
    );
    const scenario: Scenario = { ...input, id: this.nextId++, remaining: times, operation, draw };
    this.active.push(scenario);
    return { ok: true, scenario };
  }

  private contradictions(operation: Operation, input: ScenarioInput): string[] {
    const reasons: string[] = [];
    if (
      input.times !== undefined &&
      input.times !== 'always' &&
      !(Number.isInteger(input.times) && input.times > 0)
    ) {
      reasons.push("'times' must be a positive integer or 'always'");
    }
    if (input.example !== undefined && input.body !== undefined)
      reasons.push("give 'example' or 'body', not both");
    if (input.delayMs !== undefined && !validDelay(input.delayMs))
      reasons.push("'delayMs' must be a time between 0 and 60000, or { min, max } within it");
    if (input.probability !== undefined && !(input.probability > 0 && input.probability <= 1))
      reasons.push("'probability' must be more than 0 and at most 1");
    if (input.fault !== undefined) return [...reasons, ...this.faultContradictions(input)];
    if (input.retryAfter !== undefined) reasons.push("'retryAfter' goes with an outage (fault: 'outage')");
    const status = input.status ?? this.successStatusOf(operation);
    const response = status === undefined ? undefined : findResponse(operation, status);
    if (!response)
      return [...reasons, `status ${String(status)} is not documented for ${operation.operationId}`];
    const media = response.content.find((m) => m.contentType === 'application/json') ?? response.content[0];
    if (input.example !== undefined && !media?.examples.some((e) => e.name === input.example)) {
      reasons.push(`status ${status} of ${operation.operationId} has no example '${input.example}'`);
    }
    if (input.body !== undefined) {
      if (!media?.schema) reasons.push(`status ${status} of ${operation.operationId} documents no body`);
      else {
        const violations = this.validators.compile(media.schema, 'body')(input.body);
        reasons.push(...violations.map((v) => `body contradicts the spec: ${formatViolation(v)}`));
      }
    }
    return reasons;
  }

  /**
   * A fault needs no documented status (a vendor that is down says nothing its spec says), but an outage
   * must be a status a real outage has, and a broken connection carries no answer of its own.
   */
  private faultContradictions(input: ScenarioInput): string[] {
    const reasons: string[] = [];
    if (!FAULT_KINDS.includes(input.fault as string))
      return [`'fault' must be one of ${FAULT_KINDS.join(', ')}`];
    if (input.fault === 'outage') {
      if (!(OUTAGE_STATUSES as readonly number[]).includes(input.status ?? -1))
        reasons.push(`an outage needs a 'status' of ${OUTAGE_STATUSES.join(', ')}`);
    } else if (input.status !== undefined) reasons.push(`a '${input.fault}' fault answers no status`);
    if (input.example !== undefined || input.body !== undefined)
      reasons.push("a fault carries no 'example' or 'body'");
    if (input.retryAfter !== undefined && !(Number.isInteger(input.retryAfter) && input.retryAfter >= 0))
      reasons.push("'retryAfter' must be a whole number of seconds");
    return reasons;
  }

  /**
   * The scenario that applies to this request, consuming one use of it: among the faults (checked first,
   * before the request is even read) or among the answers. A scenario with a `probability` applies to that
   * share of requests, by its seeded draws; a request it passes over consumes nothing.
   */
  take(operation: Operation, faults: boolean): Scenario | undefined {
    const scenario = this.active.find((s) => s.operation === operation && (s.fault !== undefined) === faults);
    if (!scenario) return undefined;
    if (scenario.probability !== undefined && scenario.draw() >= scenario.probability) return undefined;
    if (scenario.remaining !== 'always') {
      scenario.remaining -= 1;
      if (scenario.remaining <= 0) this.active = this.active.filter((s) => s !== scenario);
    }
    return scenario;
  }

  isEmpty(): boolean {
    return this.active.length === 0;
  }

  /** The delay this use of the scenario adds: its fixed time, or one drawn between its bounds. */
  delayOf(scenario: Scenario): number {
    const delay = scenario.delayMs;
    if (delay === undefined) return 0;
    if (typeof delay === 'number') return delay;
    return delay.min + Math.floor(scenario.draw() * (delay.max - delay.min + 1));
  }

  list(): Array<Omit<Scenario, 'operation' | 'draw'>> {
    return this.active.map(({ operation: _operation, draw: _draw, ...rest }) => rest);
  }

  remove(id: number): boolean {
    const before = this.active.length;
    this.active = this.active.filter((s) => s.id !== id);
    return this.active.length < before;
  }

  clear(): void {
    this.active = [];
  }
}

function validDelay(delay: ScenarioInput['delayMs']): boolean {
  const within = (ms: unknown) => typeof ms === 'number' && ms >= 0 && ms <= 60_000;
  if (typeof delay === 'number') return within(delay);
  return (
    delay !== null &&
    typeof delay === 'object' &&
    within(delay.min) &&
    within(delay.max) &&
    delay.min <= delay.max
  );
}
