import type { ClockFormat } from '../../openapi';
import type { Store } from '../../state';

/**
 * The mock's virtual clock. It starts at a fixed instant (the end of the vendor documents' sample windows,
 * so that documented example requests hit the seeded data) and moves one second per write, so that the
 * same requests give byte-identical answers on every run. It lives in the store so that reset, snapshots
 * and the state file carry it. `--clock now` starts it at the real time instead.
 */
export const DEFAULT_CLOCK_START = Date.parse('2025-09-09T18:00:00Z');
const COUNTER = '$clock';

export class MockClock {
  constructor(
    private readonly store: Store,
    private readonly start: number,
  ) {}

  now(): number {
    return this.store.getCounter(COUNTER) ?? this.start;
  }

  /** Moves time on by `ms` (a write moves it by one second) and returns the new time. */
  advance(ms = 1000): number {
    const next = this.now() + ms;
    this.store.setCounter(COUNTER, next);
    return next;
  }
}

/** The last instant formatted, per format: a write formats its one instant several times. */
const lastFormatted = new Map<ClockFormat, { ms: number; text: string }>();

export function formatTime(ms: number, format: ClockFormat): string | number {
  if (format === 'iso' || format === 'sql') {
    const last = lastFormatted.get(format);
    if (last?.ms === ms) return last.text;
    const text = formatDate(ms, format);
    lastFormatted.set(format, { ms, text });
    return text;
  }
  return format === 'epoch-s' ? Math.floor(ms / 1000) : ms;
}

function formatDate(ms: number, format: 'iso' | 'sql'): string {
  switch (format) {
    case 'iso':
      // Without the milliseconds: toISOString always ends in `.sssZ`.
      return `${new Date(ms).toISOString().slice(0, -5)}Z`;
    case 'sql':
      return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  }
}
