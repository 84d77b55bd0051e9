import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchRequest } from './requests';

/**
 * One answer of secmock's, captured once before the load so that a baseline can serve the very same bytes
 * for the same request (issue 17: each ratio compares the same bytes).
 */
export interface Answer {
  /** Which bench request this answers (or `probe` for the start-up request). */
  id: string;
  method: string;
  /** Path and query, as requested. */
  path: string;
  status: number;
  /** secmock's response headers, less those the server sets per connection or per answer (date, length). */
  headers: Record<string, string>;
  body: Buffer;
  /** The request carries a JSON body: the baseline parses it (express.json()) before it answers. */
  parsesJson: boolean;
}

/** What a baseline process reads: the answers as JSON, bodies in base64. */
interface StoredAnswer extends Omit<Answer, 'body'> {
  body: string;
}

const PER_ANSWER_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

/** The body as autocannon sends it: `-I` puts a fresh hyperid (22 characters, /, a counter) in `[<id>]`. */
export function bodyOf(request: BenchRequest): string | undefined {
  if (request.body === undefined || !request.uniqueBody) return request.body;
  return request.body.replace(/\[<id>\]/g, `${randomBytes(16).toString('base64url')}/0`);
}

/** Sends one bench request as autocannon would (a fresh id in a unique body) and reads the whole answer. */
export async function send(baseUrl: string, request: BenchRequest): Promise<Response & { bytes: Buffer }> {
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: bodyOf(request),
  });
  return Object.assign(response, { bytes: Buffer.from(await response.arrayBuffer()) });
}

/** secmock's answer to a request, kept for the baselines; a refusal means the bench request is wrong. */
export async function capture(
  baseUrl: string,
  request: BenchRequest,
  id: string = request.id,
): Promise<Answer> {
  const response = await send(baseUrl, request);
  if (response.status >= 300)
    throw new Error(
      `${request.method} ${request.path} answered ${response.status}: ${response.bytes.toString()}`,
    );
  return answerOf(id, request, response);
}

export function answerOf(id: string, request: BenchRequest, response: Response & { bytes: Buffer }): Answer {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!PER_ANSWER_HEADERS.has(name)) headers[name] = value;
  });
  return {
    id,
    method: request.method,
    path: request.path,
    status: response.status,
    headers,
    body: response.bytes,
    parsesJson: request.body !== undefined,
  };
}

export function writeAnswers(file: string, answers: Answer[]): void {
  const stored: StoredAnswer[] = answers.map((a) => ({ ...a, body: a.body.toString('base64') }));
  writeFileSync(file, JSON.stringify(stored));
}

export function readAnswers(file: string): Answer[] {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredAnswer[];
  return stored.map((a) => ({ ...a, body: Buffer.from(a.body, 'base64') }));
}

/**
 * Fails the bench when a baseline does not answer exactly what secmock answered (status and body bytes):
 * the ratio would compare different work again.
 */
export async function checkSameAnswers(baseUrl: string, requests: BenchRequest[], answers: Answer[]) {
  for (const request of requests) {
    const expected = answers.find((a) => a.id === request.id);
    if (!expected) throw new Error(`no captured answer for ${request.id}`);
    const got = await send(baseUrl, request);
    if (got.status !== expected.status || !got.bytes.equals(expected.body))
      throw new Error(
        `${baseUrl} answered ${request.id} with ${got.status} and ${got.bytes.length} bytes, ` +
          `not secmock's ${expected.status} and ${expected.body.length} bytes`,
      );
  }
}
