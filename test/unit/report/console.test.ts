import { formatConsole } from '../../../src/report/console';
import { KNOWN_FINDING, failingSummary, maskTimes, passingSummary } from './fixtures';

const render = (lines: string[]) => maskTimes(lines.join('\n'));

describe('formatConsole', () => {
  it('prints only the summary and the coverage when everything conforms', () => {
    expect(render(formatConsole(passingSummary()))).toMatchSnapshot();
  });

  it('prints every finding grouped by operation, then the summary and the coverage', () => {
    expect(render(formatConsole(failingSummary()))).toMatchSnapshot();
  });

  it('ends with the verdict, then the coverage: a line per spec and a total', () => {
    expect(formatConsole(passingSummary()).slice(-4)).toEqual([
      'PASS: the implementation conforms to the contracts',
      '',
      'coverage incidents: operations 2/2 (100 %), statuses 3/3 (100 %), filters 0/0 (n/a), paging 1/1 (100 %)',
      'coverage total: operations 2/2 (100 %), statuses 3/3 (100 %), filters 0/0 (n/a), paging 1/1 (100 %)',
    ]);
    expect(formatConsole(failingSummary()).slice(-5)).toEqual([
      'FAIL: the implementation departs from the contracts',
      '',
      'coverage incidents: operations 3/4 (75 %), statuses 3/9 (33 %), filters 1/1 (100 %), paging 1/2 (50 %)',
      'coverage edge: operations 1/2 (50 %), statuses 1/4 (25 %), filters 0/1 (0 %), paging 0/0 (n/a)',
      'coverage total: operations 4/6 (67 %), statuses 4/13 (31 %), filters 1/2 (50 %), paging 1/2 (50 %)',
    ]);
  });

  it('says for how many operations the coverage details are unknown', () => {
    const summary = failingSummary();
    summary.coverage.total.undetailed = 1;
    summary.coverage.specs[1].undetailed = 2;
    const lines = formatConsole(summary);
    expect(lines.at(-2)).toMatch(
      /^coverage edge: .*, paging 0\/0 \(n\/a\), details unknown for 2 operations$/,
    );
    expect(lines.at(-1)).toMatch(/, details unknown for 1 operation$/);
  });

  it('totals the run on one line, with its time in seconds', () => {
    expect(formatConsole(failingSummary())).toContain(
      'operations 4, cases 8 (3 failed), checks 37 passed, 4 failed, 1 known, 61.2 s',
    );
  });

  it('says after the totals what the cleanup deleted and what it left, with why', () => {
    const lines = formatConsole(failingSummary());
    const at = lines.indexOf('operations 4, cases 8 (3 failed), checks 37 passed, 4 failed, 1 known, 61.2 s');
    expect(lines.slice(at + 1, at + 4)).toEqual([
      'cleanup: deleted 1 entity the run created, left 1',
      '  left 1 incidents incident (answered 500): 3000000438301',
      'FAIL: the implementation departs from the contracts',
    ]);
    expect(formatConsole(passingSummary())).toContain('cleanup: deleted 2 entities the run created, left 0');
  });

  it('prints no cleanup line when the run created nothing', () => {
    const summary = passingSummary();
    summary.cleanup = { deleted: 0, left: [] };
    expect(formatConsole(summary).filter((l) => l.includes('cleanup'))).toEqual([]);
  });

  it('groups the entities left behind by resource and why, naming three keys of each', () => {
    const summary = passingSummary();
    const left = (spec: string, resource: string, key: string, detail?: string) => ({
      spec,
      resource,
      key,
      outcome: detail ? ('failed' as const) : ('kept' as const),
      ...(detail ? { detail } : {}),
    });
    summary.cleanup = {
      deleted: 3,
      left: [
        left('incidents', 'incident', 'inc-1'),
        left('incidents', 'incident', 'inc-2', 'answered 500'),
        left('incidents', 'incident', 'inc-3'),
        left('edge', 'incident', 'e-1'),
        left('incidents', 'incident', 'inc-4'),
        left('incidents', 'incident', 'inc-5'),
        left('incidents', 'note', 'n-1'),
      ],
    };
    const lines = formatConsole(summary);
    const at = lines.indexOf('cleanup: deleted 3 entities the run created, left 7');
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '  left 4 incidents incident (kept): inc-1, inc-3, inc-4, ...',
      '  left 1 incidents incident (answered 500): inc-2',
      '  left 1 edge incident (kept): e-1',
      '  left 1 incidents note (kept): n-1',
      'PASS: the implementation conforms to the contracts',
    ]);
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
