import { formatTable } from '../../../src/report/table';

describe('formatTable', () => {
  it('left-aligns the first column, right-aligns the others, to the widest cell', () => {
    expect(
      formatTable(
        ['spec', 'n'],
        [
          ['a', '1000'],
          ['lacework-edge', '7'],
        ],
      ),
    ).toEqual(['spec              n', '-------------  ----', 'a              1000', 'lacework-edge     7']);
  });

  it('prints the header alone when there are no rows', () => {
    expect(formatTable(['spec', 'cases'], [])).toEqual(['spec  cases', '----  -----']);
  });
});
