import { partialUpdateKeepsFields } from '../../../../src/contract/checks/partial-update-keeps';
import type { CaseResponse, Expectation, Failure } from '../../../../src/contract/types';
import { ACCEPT_STRICT, NO_ANSWER, chainStep, checkInput, fakeTools, makeResponse } from '../helpers';

const afterUpdate = (kept: Record<string, unknown> | undefined, entityPointer = ['data']): Expectation =>
  chainStep({
    is: 'retrievable',
    key: 'inc-1',
    shows: { after: 'update', entityPointer, written: { severity: 'low' }, ...(kept ? { kept } : {}) },
  });
const read = (entity: unknown) => makeResponse({ body: { data: entity } });

const KEPT = afterUpdate({ title: 'Disk full', tags: ['disk'], due: '2027-10-03T10:30:00+02:00' });
const WHOLE = { title: 'Disk full', tags: ['disk'], due: '2027-10-03 08:30:00', severity: 'low' };

describe('partial_update_keeps_fields check', () => {
  it.each<[string, Expectation, CaseResponse, Failure[] | undefined]>([
    ['an accepted case: does not apply', ACCEPT_STRICT, read(WHOLE), undefined],
    [
      'a create link: does not apply',
      chainStep({ is: 'create', distinctFrom: 'inc-0', keyPointer: ['id'] }),
      read(WHOLE),
      undefined,
    ],
    [
      'a read without shown fields: does not apply',
      chainStep({ is: 'retrievable', key: 'inc-1' }),
      read({}),
      undefined,
    ],
    [
      'a read after the create (nothing kept): does not apply',
      chainStep({
        is: 'retrievable',
        key: 'inc-1',
        shows: { after: 'create', entityPointer: ['data'], written: { title: 'Disk full' } },
      }),
      read({}),
      undefined,
    ],
    [
      'an update that sent every field (nothing kept): does not apply',
      afterUpdate(undefined),
      read({}),
      undefined,
    ],
    ['no answer: does not apply', KEPT, NO_ANSWER, undefined],
    ['a failed read: does not apply', KEPT, makeResponse({ status: 404 }), undefined],
    ['no entity where the contract puts it', KEPT, makeResponse({ body: {} }), undefined],
    ['every field kept, in any notation', KEPT, read(WHOLE), []],
    ['nothing to keep', afterUpdate({}), read({}), []],
    [
      'a field the read does not answer is the schema’s to judge',
      KEPT,
      read({ ...WHOLE, title: undefined }),
      [],
    ],
    [
      'a field cleared to null',
      KEPT,
      read({ ...WHOLE, title: null }),
      [{ path: 'body.data.title', expected: '"Disk full" (not sent by the update)', actual: 'null' }],
    ],
    [
      'fields reset to defaults',
      KEPT,
      read({ ...WHOLE, title: '', tags: [] }),
      [
        { path: 'body.data.title', expected: '"Disk full" (not sent by the update)', actual: '""' },
        { path: 'body.data.tags', expected: '["disk"] (not sent by the update)', actual: '[]' },
      ],
    ],
    [
      'a date moved',
      KEPT,
      read({ ...WHOLE, due: '2027-10-03 10:30:00' }),
      [
        {
          path: 'body.data.due',
          expected: '"2027-10-03T10:30:00+02:00" (not sent by the update)',
          actual: '"2027-10-03 10:30:00"',
        },
      ],
    ],
    [
      'an entity at the root of the answer',
      afterUpdate({ count: 3 }, []),
      makeResponse({ body: { count: '3' } }),
      [],
    ],
    [
      'a nested object kept in part',
      afterUpdate({ owner: { name: 'ops' } }),
      read({ owner: { name: 'ops', id: 1 } }),
      [],
    ],
    [
      'a nested object changed',
      afterUpdate({ owner: { name: 'ops' } }),
      read({ owner: {} }),
      [{ path: 'body.data.owner', expected: '{"name":"ops"} (not sent by the update)', actual: '{}' }],
    ],
  ])('%s', (_, expectation, answer, failures) => {
    expect(partialUpdateKeepsFields.run(checkInput(expectation, answer), fakeTools())).toEqual(failures);
  });
});
