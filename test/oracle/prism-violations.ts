import type { CaseResponse } from '../../src/contract/types';

/** One thing Prism found wrong with a request or a response it saw pass. */
export interface PrismViolation {
  /** `request.query.limit`, `response.body.data.0.status`... */
  location: string;
  message: string;
}

interface RawViolation {
  location?: unknown;
  message?: unknown;
}

const PRISM_PROBLEM = 'https://stoplight.io/prism/errors#';
const TOO_MANY = 'Too many violations! ';

/**
 * What Prism said about one exchange. `prism proxy` lists every violation (errors and warnings) in the
 * `sl-violations` header; with --errors it also replaces the answer with a problem+json of its own: request
 * violations are answered 422 (401 for security) without reaching the mock, response errors become 500.
 */
export function prismViolations(response: CaseResponse): PrismViolation[] {
  const found = [...fromHeader(response.headers['sl-violations']), ...fromProblem(response.body)];
  const seen = new Set<string>();
  return found.filter((v) => {
    const key = `${v.location}\n${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fromHeader(header: string | undefined): PrismViolation[] {
  if (!header) return [];
  // Prism truncates a long list to ~8 KB after this prefix; the cut JSON is still worth reporting.
  if (header.startsWith(TOO_MANY)) return [{ location: 'sl-violations', message: header.slice(0, 500) }];
  try {
    return (JSON.parse(header) as RawViolation[]).map((raw) => toViolation(raw));
  } catch {
    return [{ location: 'sl-violations', message: header }];
  }
}

function fromProblem(body: unknown): PrismViolation[] {
  const problem = body as { type?: unknown; title?: unknown; detail?: unknown; validation?: unknown };
  if (!problem || typeof problem !== 'object' || typeof problem.type !== 'string') return [];
  if (!problem.type.startsWith(PRISM_PROBLEM)) return [];
  // A refused request lists locations relative to the request; a VIOLATIONS answer prefixes its own.
  const prefix = problem.type.endsWith('#VIOLATIONS') ? [] : ['request'];
  if (Array.isArray(problem.validation) && problem.validation.length > 0)
    return (problem.validation as RawViolation[]).map((raw) => toViolation(raw, prefix));
  // NO_PATH_MATCHED_ERROR, UNAUTHORIZED...: Prism refused without a validation list.
  return [{ location: problem.type.slice(PRISM_PROBLEM.length), message: String(problem.title) }];
}

function toViolation(raw: RawViolation, prefix: string[] = []): PrismViolation {
  const path = Array.isArray(raw.location) ? (raw.location as unknown[]) : [];
  const location = [...prefix, ...path].join('.');
  return { location, message: String(raw.message ?? '') };
}
