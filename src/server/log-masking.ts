import type { MockEngine } from '../mock';

/**
 * Debug log lines carry bodies and headers; a developer pastes them into tickets and CI keeps them, so no
 * credential may appear in clear. A value is secret when its key looks like one (`apiToken`, `password`) or is
 * a field or header the served specs declare secret (resource secrets, API-key header names).
 */
export const MASK = '********';

const SECRET_KEY =
  /pass(word|phrase)?$|secret|token|api[-_]?key|authorization|credential|private[-_]?key|cookie|signature/i;

/** Every name the served specs mark secret, lower-cased: resource secret fields and API-key parameters. */
export function secretNamesOf(engine: MockEngine): Set<string> {
  const names = new Set<string>();
  for (const spec of engine.specs)
    for (const resource of spec.resources)
      for (const secret of resource.secrets) names.add((secret.split('.').pop() ?? secret).toLowerCase());
  for (const scheme of engine.schemes.values())
    if (scheme.paramName) names.add(scheme.paramName.toLowerCase());
  return names;
}

export function isSecretKey(key: string, declared: ReadonlySet<string>): boolean {
  return SECRET_KEY.test(key) || declared.has(key.toLowerCase());
}

/** A copy with every secret string (at any depth) replaced by the mask. */
export function maskValue(value: unknown, declared: ReadonlySet<string>, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, declared, depth + 1));
  const masked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>))
    masked[key] =
      isSecretKey(key, declared) && (typeof inner === 'string' || typeof inner === 'number')
        ? MASK
        : maskValue(inner, declared, depth + 1);
  return masked;
}

/** A body as text for a log line: JSON masked, anything else as sent, both clipped. */
export function maskedBodyText(
  body: unknown,
  declared: ReadonlySet<string>,
  limit: number,
): string | undefined {
  if (body === undefined || body === '') return undefined;
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return clip(body, limit);
    }
  }
  return clip(JSON.stringify(maskValue(value, declared)), limit);
}

export function maskedHeaders(
  headers: Record<string, string>,
  declared: ReadonlySet<string>,
): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    masked[name] = isSecretKey(name, declared) ? MASK : value;
  return masked;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
