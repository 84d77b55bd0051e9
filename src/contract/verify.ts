import type { Operation, SpecModel } from '../openapi/model';
import { loadSpecs } from '../openapi';
import { listSpecFiles } from '../openapi/files';
import { readKnownDeviations, type KnownDeviation } from './known-deviations';
import { Runner } from './run/runner';
import { summarise } from './summary';
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
  /** Response-time budget; slower answers fail the response_time check. */
  budgetMs?: number;
  onEvent?: (event: RunEvent) => void;
}

export interface VerifyResult {
  summary: Summary;
  findings: Finding[];
  events: RunEvent[];
}

/** Verifies an implementation against the specs and returns what happened, case by case. */
export async function verify(options: VerifyOptions): Promise<VerifyResult> {
  const started = Date.now();
  const specs = await resolveSpecs(options.specs);
  const operations = selectOperations(specs, options.operations, options.tags);
  const events: RunEvent[] = [];
  const emit = (event: RunEvent) => {
    events.push(event);
    options.onEvent?.(event);
  };
  emit({
    type: 'start',
    specs: specs.map((s) => s.id),
    baseUrl: options.baseUrl,
    plannedOperations: operations.length,
  });
  const knownDeviations =
    typeof options.knownDeviations === 'string'
      ? readKnownDeviations(options.knownDeviations)
      : (options.knownDeviations ?? []);
  const runner = new Runner({
    baseUrl: options.baseUrl,
    specs,
    operations,
    credentials: options.credentials ?? {},
    knownDeviations,
    readOnly: options.readOnly ?? false,
    seed: options.seed ?? 1,
    timeoutMs: options.timeoutMs ?? 10_000,
    budgetMs: options.budgetMs,
    emit,
  });
  await runner.run();
  const { summary, findings } = summarise(events, options.baseUrl, Date.now() - started);
  emit({ type: 'end', summary, findings });
  return { summary, findings, events };
}

async function resolveSpecs(specs: Array<string | SpecModel> | undefined): Promise<SpecModel[]> {
  const entries = specs ?? listSpecFiles();
  const files = entries.filter((s): s is string => typeof s === 'string');
  const loaded = files.length > 0 ? await loadSpecs(files) : [];
  return entries.map((entry) => (typeof entry === 'string' ? (loaded.shift() as SpecModel) : entry));
}

export function selectOperations(specs: SpecModel[], ids?: string[], tags?: string[]): Operation[] {
  return specs
    .flatMap((spec) => spec.operations)
    .filter(
      (op) => !ids?.length || ids.includes(op.operationId) || ids.includes(`${op.specId}/${op.operationId}`),
    )
    .filter((op) => !tags?.length || op.tags.some((t) => tags.includes(t)));
}
