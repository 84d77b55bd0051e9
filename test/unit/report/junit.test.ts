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

  it('has one testsuite per spec and one testcase per operation, named by its method, path and id', () => {
    const xml = formatJunit(failingSummary());
    expect([...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['incidents', '4'],
      ['edge', '1'],
    ]);
    expect(
      testcases(xml).map((l) => l.match(/<testcase classname="([^"]*)" name="([^"]*)"/)?.slice(1)),
    ).toEqual([
      ['incidents', 'GET /incidents (listIncidents)'],
      ['incidents', 'POST /incidents (createIncident)'],
      ['incidents', 'GET /incidents/{id} (getIncident)'],
      ['incidents', 'DELETE /incidents/{id} (deleteIncident)'],
      ['edge', 'GET /api/v1/users (listUsers)'],
    ]);
  });

  it('pads nothing: no testcase per check, no "not applicable" entries', () => {
    const xml = formatJunit(failingSummary());
    for (const check of CHECKS) expect(xml).not.toContain(`name="${check.title} [${check.id}]"`);
    expect(xml).not.toContain('not applicable');
    expect(xml.match(/<skipped /g)).toHaveLength(1);
  });

  it('counts failed and skipped operations per suite, with the time the run started', () => {
    const xml = formatJunit(failingSummary());
    // incidents: createIncident fails; getIncident has only a known deviation and passes; deleteIncident
    // was skipped by --read-only.
    expect(xml).toContain(
      '<testsuite name="incidents" tests="4" failures="1" skipped="1" errors="0" timestamp="2026-03-14T09:26:53.000Z">',
    );
    expect(xml).toContain(
      '<testsuite name="edge" tests="1" failures="1" skipped="0" errors="0" timestamp="2026-03-14T09:26:53.000Z">',
    );
    expect(formatJunit(passingSummary())).toContain(
      '<testsuite name="incidents" tests="2" failures="0" skipped="0" errors="0"',
    );
  });

  it('leaves out the timestamp when the run has no start date', () => {
    const summary = passingSummary();
    summary.run.startedAt = '';
    expect(formatJunit(summary)).toContain(
      '<testsuite name="incidents" tests="2" failures="0" skipped="0" errors="0">',
    );
  });

  it('skips an operation skipped by --read-only, with the reason', () => {
    expect(testcases(formatJunit(failingSummary()))).toContain(
      '    <testcase classname="incidents" name="DELETE /incidents/{id} (deleteIncident)">' +
        '<skipped message="mutating operation (--read-only)"/></testcase>',
    );
  });

  it('passes an operation with no finding', () => {
    expect(testcases(formatJunit(failingSummary()))).toContain(
      '    <testcase classname="incidents" name="GET /incidents (listIncidents)"/>',
    );
  });

  it('passes an operation with only known deviations, listing them in system-out', () => {
    const xml = formatJunit(failingSummary());
    const at = xml.indexOf('name="GET /incidents/{id} (getIncident)"');
    const testcase = xml.slice(at, xml.indexOf('</testcase>', at));
    expect(testcase).not.toContain('<failure');
    expect(testcase).toBe(
      'name="GET /incidents/{id} (getIncident)"><system-out>1 known deviation (not failures)\n\n' +
        'Undocumented status [undocumented_status] in case valid request\n' +
        'at status: expected one of 200, 404, got 202\n' +
        'curl -sS -X GET &apos;http://staging.test:8080/incidents/inc-1&apos; -H &apos;accept: application/json&apos; ' +
        '-H &apos;authorization: Bearer ****&apos;\n' +
        'known: VND-1042: answers 202 while the incident is indexed</system-out>',
    );
  });

  it('lists every failed finding of an operation in one failure, with its curl line', () => {
    const xml = formatJunit(failingSummary());
    expect(xml.match(/<failure /g)).toHaveLength(2);
    const failure = testcases(xml).find((l) => l.includes('(createIncident)'));
    expect(failure).toBe(
      '    <testcase classname="incidents" name="POST /incidents (createIncident)">' +
        '<failure message="2 failures; first: [server_error] status: expected a non-5xx status, got 500" ' +
        'type="server_error,response_schema">Server error [server_error] in case missing required body.title',
    );
    expect(xml).toContain(
      'at status: expected a non-5xx status, got 500\n' +
        'curl -sS -X POST &apos;http://staging.test:8080/incidents&apos; -H &apos;accept: application/json&apos; ' +
        '-H &apos;authorization: Bearer ****&apos; -H &apos;content-type: application/json&apos; ' +
        '--data-raw &apos;{&quot;severity&quot;:&quot;high&quot;}&apos;\n\n' +
        'Response schema [response_schema] in case example &apos;disk-full&apos;\n' +
        'at body.severity: expected value that must be one of &quot;low&quot;, &quot;high&quot;, got &quot;urgent&quot;\n',
    );
    const users = xml.slice(
      xml.indexOf('(listUsers)'),
      xml.indexOf('</failure>', xml.indexOf('(listUsers)')),
    );
    expect(users).toContain('<failure message="7 failures; first: [response_schema] body.data[0].email:');
    expect(users.match(/\ncurl -sS /g)).toHaveLength(7);
    expect(users).toContain(
      'Missing or wrong credentials accepted [auth_accepted] in case wrong credentials',
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
    expect(xml).toContain('at body.x: expected a\tb, got &quot;[31mred\u007f&quot;\r\nnext');
    expect(xml).toContain('classname="incidents" name="POST /incidents (createIncident)"');
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
    expect(xml).toContain('classname="a&amp;b" name="GET /incidents (say&quot;hi&quot;&lt;x&gt;)"');
    elements(xml.replace(/^<\?xml[^>]*\?>/, ''));
  });
});
