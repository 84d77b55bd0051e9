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

  it('keeps the layout CI scripts read: { baseUrl, summary, findings, operations }', () => {
    const parsed = JSON.parse(formatJson(failingSummary())) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['baseUrl', 'summary', 'findings', 'operations']);
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

  it('loses nothing of the summary', () => {
    const original = failingSummary();
    const { baseUrl, summary, findings, operations } = JSON.parse(formatJson(original)) as {
      baseUrl: string;
      summary: Omit<Summary, 'baseUrl' | 'byOperation' | 'findings'>;
      findings: Summary['findings'];
      operations: Summary['byOperation'];
    };
    expect({ baseUrl, ...summary, byOperation: operations, findings }).toEqual(original);
  });

  it('is indented and ends with a newline', () => {
    const text = formatJson(passingSummary());
    expect(text.startsWith('{\n  "baseUrl": "http://127.0.0.1:4010",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
