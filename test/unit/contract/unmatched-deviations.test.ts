import { unmatchedDeviations } from '../../../src/contract/unmatched-deviations';
import type { KnownDeviation } from '../../../src/contract/known-deviations';
import { makeOperation, makeSpec } from '../helpers/model';

const spec = makeSpec({
  id: 'tiny',
  operations: [
    makeOperation({ operationId: 'listNotes', tags: [] }),
    makeOperation({ operationId: 'getNote', path: '/notes/{id}' }),
  ],
});

const entry = (operation: string, check: string): KnownDeviation => ({ operation, check, reason: 'r' });

describe('unmatchedDeviations', () => {
  it('accepts entries that name an operation (plain or spec-qualified) and a check, or a wildcard', () => {
    const deviations = [
      entry('listNotes', 'content_type'),
      entry('tiny/getNote', 'response_schema'),
      entry('*', 'response_time'),
      entry('getNote', '*'),
    ];
    expect(unmatchedDeviations(deviations, [spec])).toEqual([]);
  });

  it('lists a misspelt operation and a misspelt check, numbered as people count, with the closest names', () => {
    const unmatched = unmatchedDeviations(
      [entry('listNotes', 'content_type'), entry('listNote', '*'), entry('*', 'schema_response')],
      [spec],
    );
    expect(unmatched.map((u) => u.entry)).toEqual([2, 3]);
    expect(unmatched[0].reasons).toEqual([
      "operation 'listNote' is no operation of the specs (did you mean 'listNotes'?)",
    ]);
    expect(unmatched[1].reasons[0]).toMatch(
      /^check 'schema_response' is no check \(checks: .*response_schema/,
    );
  });

  it('suggests spec-qualified names for a spec-qualified entry, and reports both halves of one entry', () => {
    const [unmatched] = unmatchedDeviations([entry('tiny/getNotes', 'no_such_check')], [spec]);
    expect(unmatched.reasons).toEqual([
      "operation 'tiny/getNotes' is no operation of the specs (did you mean 'tiny/getNote'?)",
      expect.stringMatching(/^check 'no_such_check' is no check/),
    ]);
  });

  it('treats an operation of a spec that is not verified as matching nothing', () => {
    expect(unmatchedDeviations([entry('other/listNotes', '*')], [spec])).toHaveLength(1);
  });
});
