import type { RunningMock } from '../../../src/server/serve';
import type { Operation, SpecModel } from '../../../src/openapi/model';
import { ResponseValidator } from '../../../src/validate/response';
import { SchemaCompiler } from '../../../src/schema/compile';
import { FuzzSession, storedKey, type FuzzRequest } from './fuzz-target';
import type { FuzzCase } from './mutations';
import { sendRaw, type RawRequest, type RawResponse } from './raw-http';
import { invalidityReasons } from './validity';
import { answerProblems, EDGE_STATUSES } from './verdict';

export interface FuzzStats {
  operations: number;
  cases: number;
  /** Cases the spec's own schemas (or the documented limits) make invalid: state must not change. */
  confirmedInvalid: number;
  /** Answers by status. */
  statuses: Record<string, number>;
  /** Fresh logins after a mutation's side effect logged the fuzzer out. */
  relogins: number;
}

const NOT_THIS_OPERATION = 'not this operation';

/**
 * Sends fuzz cases to one running mock and judges each answer: never a 5xx or a hang, always a documented
 * status in the vendor's envelope, and nothing stored changes when the spec makes the request invalid.
 */
export class FuzzHarness {
  readonly session: FuzzSession;
  readonly stats: FuzzStats;
  private readonly validators = {
    strict: new SchemaCompiler(),
    coercing: new SchemaCompiler({ coerceTypes: true }),
  };
  private readonly responses = new ResponseValidator(new SchemaCompiler());

  constructor(
    readonly spec: SpecModel,
    private readonly mock: RunningMock,
  ) {
    const runtime = mock.app.mock;
    this.session = new FuzzSession(spec, mock.url, this.validators.strict, {
      now: () => runtime.clock.now(),
      knownKey: (operation) => storedKey(runtime, operation),
    });
    this.stats = {
      operations: spec.operations.length,
      cases: 0,
      confirmedInvalid: 0,
      statuses: {},
      relogins: 0,
    };
  }

  base(operation: Operation): FuzzRequest {
    return this.session.baseRequest(operation);
  }

  /** Runs one case; throws with a readable reproduction when the answer or the state is wrong. */
  async run(operation: Operation, fuzz: FuzzCase): Promise<void> {
    const reasons = invalidityReasons(operation, fuzz.request, this.validators);
    let before = reasons.length > 0 ? this.fingerprint() : '';
    let raw = this.session.authorized(operation, fuzz.request);
    let response = await sendRaw(this.mock.url, raw);
    if (response.status === 401 && this.session.usesIssuedCredential(operation)) {
      // A mutation that stayed valid may have changed the account the session belongs to: log in again.
      this.stats.relogins++;
      await this.session.login();
      before = reasons.length > 0 ? this.fingerprint() : '';
      raw = this.session.authorized(operation, fuzz.request);
      response = await sendRaw(this.mock.url, raw);
    }
    this.count(reasons, response);
    const problems = answerProblems(this.spec, operation, response, this.responses);
    if (reasons.length > 0) problems.push(...this.invalidProblems(operation, reasons, response, before));
    if (problems.length > 0) throw new Error(describe(operation, fuzz, raw, response, problems));
  }

  /** A confirmed-invalid request is refused and leaves the store as it was. */
  private invalidProblems(
    operation: Operation,
    reasons: string[],
    response: RawResponse,
    before: string,
  ): string[] {
    const elsewhere = reasons[0] === NOT_THIS_OPERATION;
    // A changed method or path may legitimately reach another operation; only a routing refusal is judged.
    if (elsewhere && response.headers['x-secmock-operation'] !== undefined) return [];
    const problems: string[] = [];
    if (this.fingerprint() !== before)
      problems.push(`the store changed although the request is invalid (${reasons.slice(0, 3).join('; ')})`);
    const refusals = new Set([
      ...EDGE_STATUSES,
      ...Object.values({ ...this.spec.errors, ...operation.mock.errors }).map((t) => t?.status),
    ]);
    if (!elsewhere && !refusals.has(response.status))
      problems.push(`answered ${response.status}, not a refusal, although ${reasons.slice(0, 3).join('; ')}`);
    return problems;
  }

  private count(reasons: string[], response: RawResponse): void {
    this.stats.cases++;
    if (reasons.length > 0 && reasons[0] !== NOT_THIS_OPERATION) this.stats.confirmedInvalid++;
    this.stats.statuses[response.status] = (this.stats.statuses[response.status] ?? 0) + 1;
  }

  /**
   * Every collection's entities as text, and the store's revision (any put, remove or counter change,
   * the clock included, moves it): a write shows even when it changes an entity in place. Serialised
   * directly rather than through snapshot(), whose deep copy would double the cost of every invalid case.
   */
  private fingerprint(): string {
    const store = this.mock.app.mock.store;
    const collections = store.collectionNames().map((name) => [name, store.collection(name).entries()]);
    return `${store.revision} ${JSON.stringify(collections)}`;
  }
}

function describe(
  operation: Operation,
  fuzz: FuzzCase,
  raw: RawRequest,
  response: RawResponse,
  problems: string[],
): string {
  const clip = (text: string | undefined, n = 400) =>
    text === undefined ? '(none)' : text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text;
  return [
    `${operation.specId}/${operation.operationId}: ${fuzz.labels.join(' + ')}`,
    `  request:  ${raw.method} ${clip(raw.target, 300)}`,
    `  type:     ${raw.headers['content-type'] ?? '(none)'}`,
    `  body:     ${clip(raw.body)}`,
    `  answer:   ${response.status} ${clip(response.text)}`,
    ...problems.map((p) => `  problem:  ${p}`),
  ].join('\n');
}
