import { targetUrl } from './target-url';
import type { CaseRequest } from './types';

const MASK = '****';

/** A one-line reproduction; every credential value is masked. */
export function toCurl(baseUrl: string, request: CaseRequest, secrets: readonly string[]): string {
  const mask = (text: string) => maskSecrets(text, secrets);
  const parts = [
    `curl -sS -X ${request.method.toUpperCase()} ${quote(mask(targetUrl(baseUrl, request.path).toString()))}`,
  ];
  for (const [name, value] of Object.entries(request.headers))
    parts.push(`-H ${quote(`${name}: ${mask(value)}`)}`);
  if (request.body !== undefined) parts.push(`--data-raw ${quote(mask(request.body))}`);
  return parts.join(' ');
}

/** Single-quoted for POSIX shells: only a single quote needs escaping. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  const masked = secrets.filter((s) => s.length > 0).flatMap(formsOf);
  // Longest first: a form that contains another is masked whole.
  return masked.sort((a, b) => b.length - a.length).reduce((t, s) => t.split(s).join(MASK), text);
}

/**
 * Every form a credential takes on its way into a request or back out of an answer: as is, URL-encoded
 * (a query parameter), JSON-escaped (quoted in a body or a failure), base64 (HTTP Basic).
 */
function formsOf(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ]),
  ];
}
