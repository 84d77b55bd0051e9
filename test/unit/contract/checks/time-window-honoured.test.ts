import { timeWindowHonoured } from '../../../../src/contract/checks/time-window-honoured';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import type { ClockFormat } from '../../../../src/openapi';
import { ACCEPT_STRICT, NO_ANSWER, checkInput, fakeTools, makeResponse } from '../helpers';

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2025, 0, 31);
const WITHIN = 'a time within 2025-01-01T00:00:00.000Z .. 2025-01-31T00:00:00.000Z';

const window = (clock: ClockFormat = 'iso'): Expectation => ({
  kind: 'probe',
  probe: { is: 'window', list: { itemsPointer: ['events'] }, field: 'at', from: FROM, to: TO, clock },
});
const events = (...times: unknown[]) => makeResponse({ body: { events: times.map((at) => ({ at })) } });

describe('time_window_honoured check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, events('1999-01-01T00:00:00Z'), undefined],
    [
      'another probe: does not apply',
      { kind: 'probe', probe: { is: 'unknown_id', key: 'x', statuses: [404] } },
      events('1999-01-01T00:00:00Z'),
      undefined,
    ],
    ['no answer: does not apply', window(), NO_ANSWER, undefined],
    ['a refused window: does not apply', window(), makeResponse({ status: 400 }), undefined],
    ['no list where the contract puts it', window(), makeResponse({ body: { data: [] } }), undefined],
    ['nothing in the window', window(), events(), []],
    ['times within', window(), events('2025-01-10T12:00:00Z', '2025-01-20T00:00:00+01:00'), []],
    ['both ends included', window(), events('2025-01-01T00:00:00Z', '2025-01-31T00:00:00.000Z'), []],
    ['an end in another zone, the same instant', window(), events('2025-01-31T01:00:00+01:00'), []],
    ['a time that is none, or missing, is not judged', window(), events('soon', undefined, null), []],
    [
      'a time before the window',
      window(),
      events('2025-01-10T00:00:00Z', '2024-12-31T23:59:59Z'),
      [{ path: 'body.events[1].at', expected: WITHIN, actual: '"2024-12-31T23:59:59Z"' }],
    ],
    [
      'a time just after the window',
      window(),
      events('2025-01-31T00:00:00.001Z'),
      [{ path: 'body.events[0].at', expected: WITHIN, actual: '"2025-01-31T00:00:00.001Z"' }],
    ],
    ['epoch seconds within', window('epoch-s'), events(FROM / 1000, String(TO / 1000)), []],
    [
      'epoch seconds outside',
      window('epoch-s'),
      events(TO / 1000 + 1),
      [{ path: 'body.events[0].at', expected: WITHIN, actual: String(TO / 1000 + 1) }],
    ],
    ['epoch milliseconds within', window('epoch-ms'), events(FROM + 1), []],
    [
      'epoch milliseconds outside',
      window('epoch-ms'),
      events(FROM - 1),
      [{ path: 'body.events[0].at', expected: WITHIN, actual: String(FROM - 1) }],
    ],
    [
      'SQL date-times within, read as UTC',
      window('sql'),
      events('2025-01-01 00:00:00', '2025-01-30 23:59:59'),
      [],
    ],
    [
      'SQL date-times outside',
      window('sql'),
      events('2025-02-01 00:00:00'),
      [{ path: 'body.events[0].at', expected: WITHIN, actual: '"2025-02-01 00:00:00"' }],
    ],
    [
      'at most five items reported',
      window(),
      events(...Array.from({ length: 7 }, () => '2026-01-01T00:00:00Z')),
      [0, 1, 2, 3, 4].map((i) => ({
        path: `body.events[${i}].at`,
        expected: WITHIN,
        actual: '"2026-01-01T00:00:00Z"',
      })),
    ],
  ])('%s', (_, expectation, response, failures) => {
    expect(timeWindowHonoured.run(checkInput(expectation, response), fakeTools())).toEqual(failures);
  });
});
