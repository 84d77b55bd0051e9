import { formatTime, MockClock } from '../../../../src/mock/services/clock';
import type { ClockFormat } from '../../../../src/openapi/model';
import { Store } from '../../../../src/state/store';

describe('MockClock', () => {
  it('starts at the given instant and moves one second per advance() by default', () => {
    const clock = new MockClock(new Store(), 1_000_000);
    expect(clock.now()).toBe(1_000_000);
    expect(clock.advance()).toBe(1_001_000);
    expect(clock.now()).toBe(1_001_000);
    expect(clock.advance(60_000)).toBe(1_061_000);
    expect(clock.now()).toBe(1_061_000);
  });

  it('lives in the store: a restored snapshot brings its time back, and another clock on it agrees', () => {
    const store = new Store();
    const clock = new MockClock(store, 5_000);
    const before = store.snapshot();
    clock.advance(10_000);
    expect(new MockClock(store, 0).now()).toBe(15_000);
    store.restore(before);
    expect(clock.now()).toBe(5_000);
  });

  it('each advance is a store change', () => {
    const store = new Store();
    const clock = new MockClock(store, 0);
    const revision = store.revision;
    clock.advance();
    expect(store.revision).toBeGreaterThan(revision);
  });
});

describe('formatTime', () => {
  const ms = Date.UTC(2025, 8, 9, 18, 4, 5, 678);

  it.each([
    ['epoch-s', Math.floor(ms / 1000)],
    ['epoch-ms', ms],
    ['iso', '2025-09-09T18:04:05Z'],
    ['sql', '2025-09-09 18:04:05'],
  ] as Array<[ClockFormat, string | number]>)('%s', (format, expected) => {
    expect(formatTime(ms, format)).toEqual(expected);
  });

  it('iso and sql read back as the same second', () => {
    const iso = formatTime(ms, 'iso') as string;
    const sql = formatTime(ms, 'sql') as string;
    expect(Date.parse(iso)).toBe(Math.floor(ms / 1000) * 1000);
    expect(Date.parse(`${sql.replace(' ', 'T')}Z`)).toBe(Math.floor(ms / 1000) * 1000);
  });
});
