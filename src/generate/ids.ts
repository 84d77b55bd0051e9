import { hashSeed } from './seed';

/** mulberry32: a tiny seeded PRNG, enough to derive ids without a faker instance per entity. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4-shaped UUID that is the same for the same parts: ids stay stable across runs. */
export function seededUuid(...parts: ReadonlyArray<string | number>): string {
  const random = seededRandom(hashSeed(...parts));
  const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `INC{n:7}` with 12345 -> `INC0012345`; `{n}` is the bare number. */
export function formatPattern(pattern: string, n: number): string {
  return pattern.replace(/\{n(?::(\d+))?\}/g, (_, width: string | undefined) =>
    width ? String(n).padStart(Number(width), '0') : String(n),
  );
}
