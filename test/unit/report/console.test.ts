import { formatConsole } from '../../../src/report/console';
import { KNOWN_FINDING, failingSummary, maskTimes, passingSummary } from './fixtures';

const render = (lines: string[]) => maskTimes(lines.join('\n'));

describe('formatConsole', () => {
  it('prints only the summary when everything conforms', () => {
    expect(render(formatConsole(passingSummary()))).toMatchSnapshot();
  });

  it('prints every finding grouped by operation, then the summary', () => {
    expect(render(formatConsole(failingSummary()))).toMatchSnapshot();
  });

  it('ends with the verdict', () => {
    expect(formatConsole(passingSummary()).at(-1)).toBe('PASS: the implementation conforms to the contracts');
    expect(formatConsole(failingSummary()).at(-1)).toBe(
      'FAIL: the implementation departs from the contracts',
    );
  });

  it('totals the run on one line, with its time in seconds', () => {
    expect(formatConsole(failingSummary()).at(-2)).toBe(
      'operations 4, cases 8 (3 failed), checks 37 passed, 4 failed, 1 known, 61.2 s',
    );
  });

  it('marks an operation with only known deviations with ~, and the finding with its reason', () => {
    const lines = formatConsole(failingSummary());
    expect(lines).toContain('~ incidents  GET /incidents/{id}  (getIncident)');
    expect(lines).toContain('  ~ known: Undocumented status [undocumented_status] at status');
    expect(lines).toContain(`      known:    ${KNOWN_FINDING.known}`);
    expect(lines).toContain('✗ incidents  POST /incidents  (createIncident)');
  });

  it('shows five findings per check and counts the rest', () => {
    const lines = formatConsole(failingSummary());
    expect(lines.filter((l) => l.includes('[response_schema] at body.data['))).toHaveLength(5);
    expect(lines).toContain('  ... and 1 more [response_schema]');
  });

  it('aligns the per-spec table', () => {
    const lines = formatConsole(failingSummary());
    const at = lines.indexOf('Summary (http://staging.test:8080)');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      'spec       operations  cases  failed  known',
      '---------  ----------  -----  ------  -----',
      'incidents           3      6       1      1',
      'edge                1      2       2      0',
    ]);
  });
});
