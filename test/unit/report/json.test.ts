import type { Summary } from '../../../src/contract/types';
import { formatJson } from '../../../src/report/json';
import { failingSummary, maskTimes, passingSummary } from './fixtures';

describe('formatJson', () => {
  it.each<[string, () => Summary]>([
    ['a passing run', passingSummary],
    ['a failing run', failingSummary],
  ])('renders %s', (_, summary) => {
    expect(maskTimes(formatJson(summary()))).toMatchSnapshot();
  });

  it('keeps the layout CI scripts read: { baseUrl, summary, findings, operations }, then run, coverage, cleanup', () => {
    const parsed = JSON.parse(formatJson(failingSummary())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'baseUrl',
      'summary',
      'findings',
      'operations',
      'run',
      'coverage',
      'cleanup',
    ]);
    expect(Object.keys(parsed.summary as object)).toEqual([
      'specs',
      'operations',
      'cases',
      'checks',
      'failedCases',
      'durationMs',
      'ok',
    ]);
  });

  it('carries the run metadata: date, version, target, seed, duration, read-only', () => {
    const { run } = JSON.parse(formatJson(failingSummary())) as { run: Summary['run'] };
    expect(run).toEqual({
      startedAt: '2026-03-14T09:26:53.000Z',
      version: '0.1.0',
      baseUrl: 'http://staging.test:8080',
      seed: 42,
      durationMs: 61_234,
      readOnly: true,
    });
  });

  it('carries the coverage per spec, in total and per operation, with null for a percentage of nothing', () => {
    const { coverage } = JSON.parse(formatJson(failingSummary())) as { coverage: Summary['coverage'] };
    expect(coverage.total.statuses).toEqual({ covered: 4, total: 13, percent: 31 });
    expect(coverage.specs.map((s) => [s.id, s.paging.percent])).toEqual([
      ['incidents', 50],
      ['edge', null],
    ]);
    expect(coverage.operations.find((op) => op.operationId === 'deleteIncident')).toMatchObject({
      exercised: false,
      detail: { statuses: { documented: ['204', '404'], observed: [] } },
    });
  });

  it('carries what the run deleted and what it left behind, with why', () => {
    const { cleanup } = JSON.parse(formatJson(failingSummary())) as { cleanup: Summary['cleanup'] };
    expect(cleanup).toEqual({
      deleted: 1,
      left: [
        {
          spec: 'incidents',
          resource: 'incident',
          key: '3000000438301',
          outcome: 'failed',
          detail: 'answered 500',
        },
      ],
    });
  });

  it('loses nothing of the summary', () => {
    const original = failingSummary();
    const parsed = JSON.parse(formatJson(original)) as {
      baseUrl: string;
      summary: Omit<Summary, 'baseUrl' | 'byOperation' | 'findings' | 'run' | 'coverage' | 'cleanup'>;
      findings: Summary['findings'];
      operations: Summary['byOperation'];
      run: Summary['run'];
      coverage: Summary['coverage'];
      cleanup: Summary['cleanup'];
    };
    const { baseUrl, summary, findings, operations, run, coverage, cleanup } = parsed;
    expect({ baseUrl, ...summary, byOperation: operations, findings, run, coverage, cleanup }).toEqual(
      original,
    );
  });

  it('is indented and ends with a newline', () => {
    const text = formatJson(passingSummary());
    expect(text.startsWith('{\n  "baseUrl": "http://127.0.0.1:4010",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
