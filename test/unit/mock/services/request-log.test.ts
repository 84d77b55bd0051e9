import { RequestLog, type RequestLogEntry } from '../../../../src/mock/services/request-log';

function entry(path: string): Omit<RequestLogEntry, 'seq'> {
  return {
    time: '2025-09-09T18:00:00.000Z',
    method: 'GET',
    path,
    status: 200,
    durationMs: 1,
    requestViolations: [],
    responseViolations: [],
  };
}

const paths = (entries: RequestLogEntry[]) => entries.map((e) => e.path);

describe('RequestLog', () => {
  it('is empty at first', () => {
    expect(new RequestLog(3).recent()).toEqual([]);
  });

  it('answers the entries oldest first, numbered from 1', () => {
    const log = new RequestLog(5);
    for (const p of ['/a', '/b', '/c']) log.add(entry(p));
    const recent = log.recent();
    expect(paths(recent)).toEqual(['/a', '/b', '/c']);
    expect(recent.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it.each([1, 2, 3, 4, 7, 10])('keeps only the last 3 of %i entries, in order', (count) => {
    const log = new RequestLog(3);
    const added = Array.from({ length: count }, (_, i) => `/r${i}`);
    for (const p of added) log.add(entry(p));
    expect(paths(log.recent())).toEqual(added.slice(-3));
  });

  it('answers the last `limit` entries', () => {
    const log = new RequestLog(4);
    for (const p of ['/a', '/b', '/c', '/d', '/e']) log.add(entry(p));
    expect(paths(log.recent(2))).toEqual(['/d', '/e']);
    expect(paths(log.recent(100))).toEqual(['/b', '/c', '/d', '/e']);
    expect(log.recent(0)).toEqual([]);
  });

  it('keeps its own copy of an entry', () => {
    const log = new RequestLog(2);
    const added = entry('/a');
    log.add(added);
    added.path = '/changed';
    expect(log.recent()[0].path).toBe('/a');
  });

  it('keeps a long message, a long path or many messages at a readable size', () => {
    const log = new RequestLog(2);
    const name = 'x'.repeat(300_000);
    log.add({
      ...entry(`/${name}`),
      requestViolations: [
        `An incident named '${name}' already exists.`,
        ...Array.from({ length: 30 }, (_, i) => `v${i}`),
      ],
    });
    const [kept] = log.recent();
    expect(kept.path).toHaveLength(500 + ' (300001 characters)'.length + 1);
    expect(kept.requestViolations[0]).toMatch(/^An incident named 'x+… \(300036 characters\)$/);
    expect(kept.requestViolations).toHaveLength(21);
    expect(kept.requestViolations.at(-1)).toBe('… and 11 more');
  });

  it('clear() forgets everything and numbers from 1 again', () => {
    const log = new RequestLog(2);
    log.add(entry('/a'));
    log.add(entry('/b'));
    log.clear();
    expect(log.recent()).toEqual([]);
    log.add(entry('/c'));
    expect(log.recent()).toEqual([expect.objectContaining({ path: '/c', seq: 1 })]);
  });
});
