/**
 * The `Prefer` header as Prism users know it: `Prefer: code=404`, `Prefer: example=withNotes`,
 * `Prefer: dynamic=true`. Several preferences may be combined with commas.
 */
export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
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
  }
  return preferences;
}
