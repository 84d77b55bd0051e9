import type { CaseRequest } from './types';

const MASK = '****';

/** A one-line reproduction; every credential value is masked. */
export function toCurl(baseUrl: string, request: CaseRequest, secrets: readonly string[]): string {
  const mask = (text: string) => maskSecrets(text, secrets);
  const parts = [
    `curl -sS -X ${request.method.toUpperCase()} ${quote(new URL(request.path, baseUrl).toString())}`,
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
  return secrets.filter((s) => s.length > 0).reduce((t, s) => t.split(s).join(MASK), text);
}
