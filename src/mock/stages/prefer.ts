import { type Operation, type SpecModel, successStatus } from '../../openapi';
import type { ValidatedRequest } from '../../validate';
import type { DocumentedResponses } from '../services/documented-responses';
import type { Answer } from './answer';
import { toResponse } from './respond';

/**
 * The `Prefer` header as Prism users know it: `Prefer: code=404` answers the documented 404,
 * `Prefer: example=withNotes` a named documented example, `Prefer: dynamic=true` a value generated from the
 * schema. Several preferences may be combined with commas. A preference the spec cannot honour (an
 * undocumented status, an unknown example) is refused in the vendor's validation envelope.
 */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
  /** `strict=true`: refuse what only the document forbids, for this request (`strict=false` relaxes). */
  strict?: boolean;
  /** `fault=reset` (a network fault) or `fault=503` (an outage status): see stages/fault.ts. */
  fault?: string;
}

export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Preferences = {};
  if (!header) return preferences;
  for (const part of header.split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim().replace(/^"|"$/g, '');
    if (key === 'code' && /^\d{3}$/.test(value)) preferences.code = Number(value);
    else if (key === 'example' && value) preferences.example = value;
    else if (key === 'dynamic') preferences.dynamic = value === '' || value === 'true';
    else if (key === 'strict') preferences.strict = value === '' || value === 'true';
    else if (key === 'fault' && value) preferences.fault = value.toLowerCase();
  }
  return preferences;
}

/** The stage: answers from the spec when the client asked for a status, an example or a generated value. */
export function answerPreferred(
  documented: DocumentedResponses,
  spec: SpecModel,
  operation: Operation,
  request: ValidatedRequest,
): Answer | undefined {
  const preferences = parsePrefer(request.headers.prefer);
  const success = successStatus(operation);
  const otherCode = preferences.code !== undefined && preferences.code !== success;
  if (!otherCode && preferences.example === undefined && !preferences.dynamic) return undefined;
  const status = otherCode ? (preferences.code as number) : success;
  const outcome = documented.outcome(spec, operation, status, { ...preferences, pathParams: request.path });
  const messages = outcome.kind === 'fail' ? outcome.messages.map((m) => `Prefer: ${m}`) : [];
  const response = toResponse(spec, operation, outcome.kind === 'fail' ? { ...outcome, messages } : outcome);
  return { spec, operation, response, requestViolations: messages };
}
