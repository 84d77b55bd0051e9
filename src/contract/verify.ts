import { randomBytes } from 'node:crypto';
import { listSpecFiles, loadSpecs, type SpecModel } from '../openapi';
import { readKnownDeviations, type KnownDeviation } from './known-deviations';
import { CredentialBook } from './plan/credentials';
import { runSchedule } from './run/run-schedule';
import { RunSession } from './run/session';
import { scheduleRun, type Schedule } from './schedule';
import { selectOperations } from './selection';
import { summarise } from './summary';
import { TOOL_VERSION } from './version';
import type { Finding, RunEvent, Summary } from './types';

export interface VerifyOptions {
  /** The implementation under test, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  /** Spec files or loaded specs; default: every spec secmock ships. */
  specs?: Array<string | SpecModel>;
  /** operationIds (or `<spec>/<operationId>`) to verify; default all. */
  operations?: string[];
  tags?: string[];
  /** Credential per security scheme; default: SECMOCK_CREDENTIAL_<SCHEME> or the spec's documented default. */
  credentials?: Record<string, string>;
  knownDeviations?: KnownDeviation[] | string;
  /** Never send a request that could change state (safe against production). */
  readOnly?: boolean;
  seed?: number;
  timeoutMs?: number;
  /** Response-time budget (default 1000 ms); slower answers fail the response_time check. */
  budgetMs?: number;
  /** Leave what the run created in place instead of deleting it at the end. */
  keepData?: boolean;
  /**
   * Put in the values the vendor keeps unique, so that runs do not collide (default: random per run). Give
   * one to make a run's requests repeatable.
   */
  runToken?: string;
  /**
   * The secmock session the run's requests name (`x-secmock-session`): two runs against one mock never see
   * each other's data. Default: a fresh name per run; false sends none (the mock's shared world).
   */
  session?: string | false;
  onEvent?: (event: RunEvent) => void;
}

export interface VerifyResult {
  summary: Summary;
  /** The summary's findings (every failure and known deviation, with a curl line). */
  findings: Finding[];
  events: RunEvent[];
}

/** Verifies an implementation against the specs: plan the schedule, run it, fold its events once. */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const started = Date.now();
  const specs = await resolveSpecs(options.specs);
  const knownDeviations =
    typeof options.knownDeviations === 'string'
      ? readKnownDeviations(options.knownDeviations)
      : (options.knownDeviations ?? []);
  const { schedule, book } = planRun(specs, options);
  const events: RunEvent[] = [];
  const emit = (event: RunEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };
  const planned = selectOperations(specs, options.operations, options.tags);
  emit({
    type: 'start',
    specs: specs.map((s) => s.id),
    baseUrl: options.baseUrl,
    plannedOperations: planned.length,
    operations: planned.map((op) => ({
      spec: op.specId,
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      path: op.path,
    })),
    startedAt: new Date(started).toISOString(),
    version: TOOL_VERSION,
    seed: options.seed ?? 1,
    readOnly: options.readOnly ?? false,
  });
  const token = options.runToken ?? newRunToken();
  const sessionName = options.session === false ? undefined : (options.session ?? `verify-${token}`);
  const session = new RunSession({
    baseUrl: options.baseUrl,
    book,
    knownDeviations,
    seed: options.seed ?? 1,
    token,
    ...(sessionName ? { runHeaders: { 'x-secmock-session': sessionName } } : {}),
    timeoutMs: options.timeoutMs ?? 10_000,
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    emit,
  });
  await runSchedule(schedule, session);
  const summary = summarise(events, Date.now() - started);
  emit({ type: 'end', summary });
  return { summary, findings: summary.findings, events };
}

/** A slower answer than this fails response_time: a vendor API a dashboard waits on answers in a second. */
export const DEFAULT_BUDGET_MS = 1000;

/** Six base-36 characters, new for every run: what makes a run's unique values its own. */
function newRunToken(): string {
  return randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6);
}

/** The schedule a run executes and `--dry-run` prints, with the credentials it starts from. */
export function planRun(
  specs: SpecModel[],
  options: Pick<VerifyOptions, 'operations' | 'tags' | 'credentials' | 'readOnly' | 'keepData'>,
): { schedule: Schedule; book: CredentialBook } {
  const operations = selectOperations(specs, options.operations, options.tags);
  const book = new CredentialBook(specs, options.credentials ?? {});
  const readOnly = options.readOnly ?? false;
  return { schedule: scheduleRun(specs, operations, { readOnly, keepData: options.keepData, book }), book };
}

async function resolveSpecs(specs: Array<string | SpecModel> | undefined): Promise<SpecModel[]> {
  const entries = specs ?? listSpecFiles();
  const files = entries.filter((s): s is string => typeof s === 'string');
  const loaded = files.length > 0 ? await loadSpecs(files) : [];
  return entries.map((entry) => (typeof entry === 'string' ? (loaded.shift() as SpecModel) : entry));
}
