import { compareForSort, filterMatches, instantOf, parseDateText } from '../../../src/openapi/list-semantics';
import type { ClockFormat, ListFilter } from '../../../src/openapi/model';

describe('compareForSort', () => {
  it.each<[unknown, unknown, '<' | '=' | '>']>([
    [1, 2, '<'],
    [10, 9, '>'],
    [2.5, 2.5, '='],
    ['apple', 'banana', '<'],
    ['2025-01-02', '2025-01-10', '<'],
    ['b', 'a', '>'],
    ['same', 'same', '='],
    [undefined, 'a', '<'],
    [null, undefined, '='],
  ])('%j against %j: %s', (a, b, order) => {
    const sign = Math.sign(compareForSort(a, b));
    expect(sign).toBe({ '<': -1, '=': 0, '>': 1 }[order]);
  });

  it('orders numbers by value, not as text', () => {
    expect([10, 9, 100, 1].sort(compareForSort)).toEqual([1, 9, 10, 100]);
  });
});

describe('filterMatches', () => {
  it.each<[string, ListFilter['match'], unknown, unknown, boolean]>([
    ['nothing sent passes everything', 'equals', undefined, 'x', true],
    ['empty text sent passes everything', 'prefix', '', 'x', true],
    ['an empty list sent passes everything', 'in', [], 'x', true],
    ['equals: the same text', 'equals', 'open', 'open', true],
    ['equals: another case', 'equals', 'OPEN', 'open', true],
    ['equals: `_`, `-` and spaces are one separator', 'equals', 'in_progress', 'In Progress', true],
    ['equals: a dash for an underscore', 'equals', 'in_progress', 'IN-PROGRESS', true],
    ['equals: runs of separators are one', 'equals', 'in  progress', 'in__progress', true],
    ['equals: a separator is not nothing', 'equals', 'in_progress', 'inprogress', false],
    ['equals: another value', 'equals', 'open', 'closed', false],
    ['equals: a number sent as text', 'equals', '3', 3, true],
    ['equals: a boolean sent as text', 'equals', 'true', true, true],
    ['equals: one of a list field', 'equals', 'prod', ['dev', 'Prod'], true],
    ['equals: none of a list field', 'equals', 'prod', ['dev'], false],
    ['equals: an empty list field', 'equals', 'prod', [], false],
    ['equals: a missing field', 'equals', 'open', undefined, false],
    ['in: one of the values', 'in', ['open', 'new'], 'New', true],
    ['in: one value, not a list', 'in', 'open', 'OPEN', true],
    ['in: none of the values', 'in', ['open', 'new'], 'closed', false],
    ['in: spellings', 'in', ['in_progress'], 'In Progress', true],
    ['prefix: starts with it', 'prefix', 'Disk', 'Disk full', true],
    ['prefix: the whole value', 'prefix', 'Disk', 'Disk', true],
    ['prefix: in another case', 'prefix', 'disk', 'Disk full', false],
    ['prefix: inside it only', 'prefix', 'full', 'Disk full', false],
    ['prefix: a number field', 'prefix', '4', 42, false],
    ['contains: inside it, in any case', 'contains', 'FULL', 'Disk full', true],
    ['contains: not in it', 'contains', 'cpu', 'Disk full', false],
    ['contains: a number field', 'contains', '2', 42, true],
    ['contains: a missing field', 'contains', 'x', undefined, false],
  ])('%s', (_, match, wanted, actual, matches) => {
    expect(filterMatches(match, wanted, actual)).toBe(matches);
  });
});

describe('parseDateText', () => {
  const utc = (...parts: [number, number, number, number?, number?, number?, number?]) => Date.UTC(...parts);

  it.each<[string, unknown, number | undefined]>([
    ['ISO in UTC', '2027-10-03T08:30:00Z', utc(2027, 9, 3, 8, 30)],
    ['ISO with an offset', '2027-10-03T10:30:00+02:00', utc(2027, 9, 3, 8, 30)],
    ['ISO with a negative offset', '2027-10-03T03:30:00-05:00', utc(2027, 9, 3, 8, 30)],
    ['ISO with milliseconds', '2027-10-03T08:30:00.250Z', utc(2027, 9, 3, 8, 30, 0, 250)],
    ['ISO without a zone, read as UTC', '2027-10-03T08:30:00', utc(2027, 9, 3, 8, 30)],
    ['SQL, read as UTC', '2027-10-03 08:30:00', utc(2027, 9, 3, 8, 30)],
    ['SQL with an offset', '2027-10-03 10:30:00+02:00', utc(2027, 9, 3, 8, 30)],
    ['a date alone, at UTC midnight', '2027-10-03', utc(2027, 9, 3)],
    ['a date that does not exist', '2027-13-45', undefined],
    ['text that starts otherwise', 'Oct 3 2027', undefined],
    ['a number', 1822631400000, undefined],
    ['nothing', undefined, undefined],
  ])('%s', (_, text, ms) => {
    expect(parseDateText(text)).toBe(ms);
  });
});

describe('instantOf', () => {
  const MS = Date.UTC(2025, 0, 1);

  it.each<[string, unknown, ClockFormat, number | undefined]>([
    ['epoch seconds', MS / 1000, 'epoch-s', MS],
    ['epoch seconds as digits', String(MS / 1000), 'epoch-s', MS],
    ['fractional epoch seconds', 1.5, 'epoch-s', 1500],
    ['epoch milliseconds', MS, 'epoch-ms', MS],
    ['epoch milliseconds as digits', String(MS), 'epoch-ms', MS],
    ['0', 0, 'epoch-s', 0],
    ['signed digits in an epoch clock', '-5', 'epoch-s', undefined],
    ['a date-time in an epoch clock', '2025-01-01T00:00:00Z', 'epoch-ms', undefined],
    ['not finite', Infinity, 'epoch-s', undefined],
    ['ISO', '2025-01-01T01:00:00+01:00', 'iso', MS],
    ['SQL', '2025-01-01 00:00:00', 'sql', MS],
    ['SQL in an ISO clock', '2025-01-01 00:00:00', 'iso', MS],
    ['a number in an ISO clock', MS, 'iso', undefined],
    ['text that is no time', 'yesterday', 'sql', undefined],
  ])('%s', (_, value, clock, ms) => {
    expect(instantOf(value, clock)).toBe(ms);
  });
});
