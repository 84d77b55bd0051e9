import type { ErrorKind } from '../openapi';

/** What a handler decided, before the edge turns it into HTTP: a success body, or a refusal of a kind. */
export type Outcome =
  | { kind: 'ok'; status?: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'fail'; error: ErrorKind; messages: string[] };

export const ok = (body?: unknown, status?: number): Outcome => ({ kind: 'ok', body, status });
export const fail = (error: ErrorKind, ...messages: string[]): Outcome => ({ kind: 'fail', error, messages });
