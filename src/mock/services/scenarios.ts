import { findResponse, type Operation, type SpecModel } from '../../openapi';
import { formatViolation, type SchemaCompiler } from '../../schema';

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
  delayMs?: number;
  /** How many requests it applies to; 'always' lasts until reset. Default 1. */
  times?: number | 'always';
}

export interface Scenario extends ScenarioInput {
  id: number;
  remaining: number | 'always';
  operation: Operation;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; reasons: string[] };

export class Scenarios {
  private active: Scenario[] = [];
  private nextId = 1;

  constructor(
    private readonly specs: readonly SpecModel[],
    private readonly validators: SchemaCompiler,
    private readonly successStatusOf: (operation: Operation) => number | undefined,
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
    const scenario: Scenario = { ...input, id: this.nextId++, remaining: times, operation };
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
    if (input.delayMs !== undefined && !(input.delayMs >= 0 && input.delayMs <= 60_000)) {
      reasons.push("'delayMs' must be between 0 and 60000");
    }
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

  /** The scenario that applies to this request, consuming one use of it. */
  take(operation: Operation): Scenario | undefined {
    const scenario = this.active.find((s) => s.operation === operation);
    if (!scenario) return undefined;
    if (scenario.remaining !== 'always') {
      scenario.remaining -= 1;
      if (scenario.remaining <= 0) this.active = this.active.filter((s) => s !== scenario);
    }
    return scenario;
  }

  isEmpty(): boolean {
    return this.active.length === 0;
  }

  list(): Array<Omit<Scenario, 'operation'>> {
    return this.active.map(({ operation: _operation, ...rest }) => rest);
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
