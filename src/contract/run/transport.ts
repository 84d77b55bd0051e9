import { performance } from 'node:perf_hooks';
import { targetUrl } from '../target-url';
import type { CaseRequest, CaseResponse } from '../types';

/** Sends one case over HTTP; a timeout or a refused connection is a response with a transportError. */
export async function send(baseUrl: string, request: CaseRequest, timeoutMs: number): Promise<CaseResponse> {
  const started = performance.now();
  try {
    const response = await fetch(targetUrl(baseUrl, request.path), {
      method: request.method.toUpperCase(),
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return {
      status: response.status,
      headers,
      body: parseBody(text),
      text,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : describe(error);
    return {
      status: 0,
      headers: {},
      body: undefined,
      text: '',
      durationMs: performance.now() - started,
      transportError: reason,
    };
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
