import { CHECKS } from '../../../src/contract/checks';
import type { Summary } from '../../../src/contract/types';
import { formatJunit } from '../../../src/report/junit';
import { failingSummary, maskTimes, passingSummary } from './fixtures';

/** The elements of an XML text, checked for balance: a cheap well-formedness test without a parser. */
function elements(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([A-Za-z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (close) expect(stack.pop()).toBe(name);
    else {
      names.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  return names;
}

const testcases = (xml: string) => xml.split('\n').filter((l) => l.trimStart().startsWith('<testcase'));

describe('formatJunit', () => {
  it.each<[string, () => Summary]>([
    ['a passing run', passingSummary],
    ['a failing run', failingSummary],
  ])('renders %s', (_, summary) => {
    expect(maskTimes(formatJunit(summary()))).toMatchSnapshot();
  });

  it('is well-formed XML with the total time in seconds', () => {
    const xml = formatJunit(failingSummary());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="secmock verify" time="61.234">',
      ),
    ).toBe(true);
    elements(xml.replace(/^<\?xml[^>]*\?>/, ''));
  });

  it('has one testsuite per spec and one testcase per operation x check', () => {
    const xml = formatJunit(failingSummary());
    expect([...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['incidents', String(4 * CHECKS.length)],
      ['edge', String(CHECKS.length)],
    ]);
    expect(testcases(xml)).toHaveLength(5 * CHECKS.length);
    expect(testcases(xml).filter((l) => l.includes('classname="incidents.createIncident"'))).toHaveLength(
      CHECKS.length,
    );
  });

  it('counts failures and skipped testcases per suite', () => {
    const xml = formatJunit(failingSummary());
    // incidents: createIncident fails server_error and response_schema (the known one is not a failure);
    // skipped: 6 + 5 + 9 checks that applied to no case of the three verified operations, 12 of deleteIncident.
    expect(xml).toContain(`<testsuite name="incidents" tests="48" failures="2" skipped="32" errors="0">`);
    expect(xml).toContain(`<testsuite name="edge" tests="12" failures="2" skipped="5" errors="0">`);
  });

  it('skips every testcase of a skipped operation, with the reason', () => {
    const skipped = testcases(formatJunit(failingSummary())).filter((l) =>
      l.includes('classname="incidents.deleteIncident"'),
    );
    expect(skipped).toHaveLength(CHECKS.length);
    for (const line of skipped)
      expect(line).toContain('<skipped message="mutating operation (--read-only)"/>');
  });

  it('skips a check that applied to no case, and passes one with only known deviations', () => {
    const lines = testcases(formatJunit(failingSummary())).filter((l) =>
      l.includes('classname="incidents.getIncident"'),
    );
    expect(lines.find((l) => l.includes('[list_stale]'))).toContain(
      '<skipped message="not applicable to the cases of this operation"/>',
    );
    expect(lines.find((l) => l.includes('[undocumented_status]'))).toMatch(
      /name="Undocumented status \[undocumented_status\]"\/>$/,
    );
  });

  it('details every failure with its curl line', () => {
    const xml = formatJunit(failingSummary());
    const failure = testcases(xml).find((l) =>
      l.includes('classname="incidents.createIncident" name="Server error'),
    );
    expect(failure).toBe(
      '    <testcase classname="incidents.createIncident" name="Server error [server_error]">' +
        '<failure message="1 failure(s): status: expected a non-5xx status, got 500" type="server_error">' +
        'missing required body.title: status: expected a non-5xx status, got 500',
    );
    expect(xml).toContain(
      `--data-raw &apos;{&quot;severity&quot;:&quot;high&quot;}&apos;</failure></testcase>`,
    );
  });

  it('escapes markup and quotes', () => {
    const xml = formatJunit(failingSummary());
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&quot;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co&quot;');
    elements(xml.replace(/^<\?xml[^>]*\?>/, ''));
  });

  it('drops control characters XML cannot carry, keeping tabs and newlines', () => {
    const summary = failingSummary();
    const schema = summary.byOperation[1].checks.find((c) => c.check === 'response_schema');
    if (!schema) throw new Error('fixture lacks response_schema');
    schema.findings = [
      {
        ...schema.findings[0],
        failure: {
          path: 'body\u0000.x',
          expected: 'a\tb',
          actual: '"\u0001\u001b[31mred\u0007\u007f"\r\nnext',
        },
      },
    ];
    summary.byOperation[1].operationId = 'create\u0002Incident';
    const xml = formatJunit(summary);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('body.x: expected a\tb, got &quot;[31mred\u007f&quot;\r\nnext');
    expect(xml).toContain('classname="incidents.createIncident" name="Response schema [response_schema]"');
  });

  it('escapes the spec and the operation in names', () => {
    const summary = passingSummary();
    summary.byOperation = summary.byOperation.map((op) => ({
      ...op,
      spec: 'a&b',
      operationId: `say"hi"<x>`,
    }));
    const xml = formatJunit(summary);
    expect(xml).toContain('<testsuite name="a&amp;b"');
    expect(xml).toContain('classname="a&amp;b.say&quot;hi&quot;&lt;x&gt;"');
    elements(xml.replace(/^<\?xml[^>]*\?>/, ''));
  });
});
