import { readReflectsWrite } from '../../../../src/contract/checks/read-reflects-write';
import type { CaseResponse, Expectation, Failure, ShownFields } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const shows = (written: Record<string, unknown>, init: Partial<ShownFields> = {}): Expectation =>
  chainStep({
    is: 'retrievable',
    key: 'inc-1',
    keyPointer: ['data', 'id'],
    shows: { after: 'create', entityPointer: ['data'], written, ...init },
  });
const read = (entity: unknown) => makeResponse({ body: { data: entity } });

const TITLE = shows({ title: 'Disk full', severity: 'high' });

describe('read_reflects_write check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, read({ title: 'x' }), undefined],
    [
      'a read with nothing to show: does not apply',
      chainStep({ is: 'retrievable', key: 'inc-1' }),
      read({ title: 'x' }),
      undefined,
    ],
    [
      'a read after delete: does not apply',
      chainStep({ is: 'gone', key: 'inc-1', statuses: [404] }),
      read({ title: 'x' }),
      undefined,
    ],
    ['no answer: does not apply', TITLE, NO_ANSWER, undefined],
    ['a failed read is created_not_retrievable’s', TITLE, makeResponse({ status: 404 }), undefined],
    ['no entity where the contract puts it', TITLE, makeResponse({ body: { items: [] } }), undefined],
    ['an entity that is not an object', TITLE, read('Disk full'), undefined],
    ['every field shown', TITLE, read({ id: 'inc-1', title: 'Disk full', severity: 'high' }), []],
    ['a field the read leaves out is the schema’s to judge', TITLE, read({ title: 'Disk full' }), []],
    [
      'a field answered otherwise',
      TITLE,
      read({ title: 'Disk full', severity: 'low' }),
      [{ path: 'body.data.severity', expected: '"high" (sent by the create)', actual: '"low"' }],
    ],
    [
      'every field answered otherwise, in the order written',
      TITLE,
      read({ severity: 'low', title: 'disk full' }),
      [
        { path: 'body.data.title', expected: '"Disk full" (sent by the create)', actual: '"disk full"' },
        { path: 'body.data.severity', expected: '"high" (sent by the create)', actual: '"low"' },
      ],
    ],
    [
      'a field cleared to null',
      TITLE,
      read({ title: null, severity: 'high' }),
      [{ path: 'body.data.title', expected: '"Disk full" (sent by the create)', actual: 'null' }],
    ],
    [
      'after an update, says so',
      shows({ severity: 'low' }, { after: 'update', kept: { title: 'Disk full' } }),
      read({ title: 'Disk full', severity: 'high' }),
      [{ path: 'body.data.severity', expected: '"low" (sent by the update)', actual: '"high"' }],
    ],
    [
      'an entity at the root of the answer',
      shows({ title: 'Disk full' }, { entityPointer: [] }),
      makeResponse({ body: { title: 'Disk' } }),
      [{ path: 'body.title', expected: '"Disk full" (sent by the create)', actual: '"Disk"' }],
    ],
    [
      'a long value is quoted whole (the summary shortens it once masked)',
      shows({ note: 'a'.repeat(100) }),
      read({ note: 'b' }),
      [{ path: 'body.data.note', expected: `"${'a'.repeat(100)}" (sent by the create)`, actual: '"b"' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(readReflectsWrite.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });

  describe('compares values as the same data, not the same text', () => {
    it.each<[string, unknown, unknown]>([
      [
        'a date-time sent with an offset, answered as SQL UTC',
        '2027-10-03T10:30:00+02:00',
        '2027-10-03 08:30:00',
      ],
      [
        'a date-time sent in UTC, answered with an offset',
        '2027-10-03T08:30:00Z',
        '2027-10-03T10:30:00+02:00',
      ],
      ['a date-time with milliseconds, answered without', '2027-10-03T08:30:00.000Z', '2027-10-03T08:30:00Z'],
      ['a number answered as numeric text', 5, '5'],
      ['numeric text answered as a number', '5', 5],
      ['a decimal answered as text', 2.5, '2.5'],
      ['a boolean', false, false],
      ['null', null, null],
      ['an object shown with fields the implementation added', { name: 'ops' }, { name: 'ops', id: 7 }],
      [
        'a nested object shown in part',
        { owner: { team: { name: 'ops' } } },
        { owner: { team: { name: 'ops', size: 3 }, id: 1 } },
      ],
      ['a list in the same order', ['a', 'b'], ['a', 'b']],
      [
        'a list of objects, each shown in part',
        [{ id: 1 }, { id: 2 }],
        [
          { id: 1, x: 0 },
          { id: 2, x: 0 },
        ],
      ],
      ['an empty list', [], []],
    ])('%s', (_, written, answered) => {
      expect(
        readReflectsWrite.run(checkInput(shows({ field: written }), read({ field: answered })), fakeTools()),
      ).toEqual([]);
    });

    it.each<[string, unknown, unknown]>([
      ['a date-time an offset apart', '2027-10-03T10:30:00+02:00', '2027-10-03 10:30:00'],
      ['a date-time cut to midnight', '2027-10-03T10:30:00Z', '2027-10-03'],
      ['another number', 5, 6],
      ['another number as text', 5, '6'],
      ['a number answered as a boolean', 1, true],
      ['a boolean answered as text', true, 'true'],
      ['text in another case', 'High', 'high'],
      ['text that is no date, answered otherwise', 'abc', 'abd'],
      ['an object whose written field changed', { owner: { name: 'ops' } }, { owner: { name: 'dev' } }],
      ['an object answered as text', { name: 'ops' }, 'ops'],
      ['an object answered as a list', { 0: 'a' }, ['a']],
      ['a list in another order', ['a', 'b'], ['b', 'a']],
      ['a list with an item more', ['a', 'b'], ['a', 'b', 'c']],
      ['a list with an item less', ['a', 'b'], ['a']],
      ['a list answered as an object', ['a'], { 0: 'a' }],
      ['null answered as a value', null, 'x'],
    ])('%s: a finding', (_, written, answered) => {
      expect(
        readReflectsWrite.run(checkInput(shows({ field: written }), read({ field: answered })), fakeTools()),
      ).toEqual([
        {
          path: 'body.data.field',
          expected: `${JSON.stringify(written)} (sent by the create)`,
          actual: JSON.stringify(answered),
        },
      ]);
    });
  });
});
