import type { Summary } from '../../../src/contract/types';
import { formatHtml } from '../../../src/report/html';
import { KNOWN_FINDING, failingSummary, maskTimes, passingSummary } from './fixtures';

describe('formatHtml', () => {
  it.each<[string, () => Summary]>([
    ['a passing run', passingSummary],
    ['a failing run', failingSummary],
  ])('renders %s', (_, summary) => {
    expect(maskTimes(formatHtml(summary()))).toMatchSnapshot();
  });

  it.each<[string, () => Summary]>([
    ['a passing run', passingSummary],
    ['a failing run', failingSummary],
  ])('is self-contained for %s: no script, no stylesheet link, no external asset', (_, summary) => {
    const html = formatHtml(summary());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    expect(html).toContain('<style>');
  });

  it('escapes what the implementation answered and what the reports quote', () => {
    const html = formatHtml(failingSummary());
    expect(html).toContain("got &quot;&lt;script&gt;alert('x')&lt;/script&gt; &amp; co&quot;");
    expect(html).toContain('expected value that must be one of &quot;low&quot;, &quot;high&quot;');
    expect(html).toContain("<i>(example 'disk-full')</i>");
  });

  it('escapes the run metadata, the spec ids and the operations', () => {
    const summary = failingSummary();
    summary.run.baseUrl = 'http://x.test/?a=1&b=<2>';
    summary.run.version = '1.0.0-<beta>';
    summary.specs[0].id = '<b>incidents</b>';
    summary.coverage.specs[1].id = '<i>edge</i>';
    summary.byOperation[1].operationId = 'create"<i>"';
    summary.byOperation[0].path = '/incidents?<x>';
    summary.coverage.operations[4].detail?.filters.declared.push('query.<q>');
    const html = formatHtml(summary);
    expect(html).toContain('<dt>Target</dt><dd><code>http://x.test/?a=1&amp;b=&lt;2&gt;</code></dd>');
    expect(html).toContain('<dd>1.0.0-&lt;beta&gt;</dd>');
    expect(html).toContain('<td>&lt;b&gt;incidents&lt;/b&gt;</td>');
    expect(html).toContain('<td>&lt;i&gt;edge&lt;/i&gt;</td>');
    expect(html).toContain('incidents/create&quot;&lt;i&gt;&quot;</summary>');
    expect(html).toContain('<td class="pass">GET /incidents?&lt;x&gt;</td>');
    expect(html).toContain('<code>query.&lt;q&gt;</code>');
  });

  it('opens with the run metadata: date, version, target, seed, duration, mode, cleanup', () => {
    expect(formatHtml(failingSummary())).toContain(
      '<dl class="run"><dt>Run date</dt><dd>2026-03-14T09:26:53.000Z</dd><dt>secmock</dt><dd>0.1.0</dd>' +
        '<dt>Target</dt><dd><code>http://staging.test:8080</code></dd><dt>Seed</dt><dd>42</dd>' +
        '<dt>Duration</dt><dd>61.2 s</dd><dt>Mode</dt><dd>read-only (mutating operations skipped)</dd>' +
        '<dt>Cleanup</dt><dd>deleted 1 created entity; left incident 3000000438301 (answered 500)</dd></dl>',
    );
    expect(formatHtml(passingSummary())).toContain(
      '<dt>Mode</dt><dd>read-write</dd><dt>Cleanup</dt><dd>deleted 2 created entities</dd></dl>',
    );
  });

  it('names each entity left behind with its reason, escaped', () => {
    const summary = passingSummary();
    summary.cleanup = {
      deleted: 0,
      left: [
        { spec: 'incidents', resource: 'incident', key: '<k1>', outcome: 'kept', detail: '--keep-data' },
        { spec: 'incidents', resource: 'note', key: 'n-2', outcome: 'failed' },
      ],
    };
    expect(formatHtml(summary)).toContain(
      '<dt>Cleanup</dt><dd>deleted 0 created entities; left incident &lt;k1&gt; (--keep-data), note n-2 (failed)</dd>',
    );
  });

  it('has the coverage table: a row per spec, then the total', () => {
    const html = formatHtml(failingSummary());
    expect(html).toContain(
      '<tr><td>incidents</td><td>3/4 (75 %)</td><td>3/9 (33 %)</td><td>1/1 (100 %)</td><td>1/2 (50 %)</td></tr>' +
        '<tr><td>edge</td><td>1/2 (50 %)</td><td>1/4 (25 %)</td><td>0/1 (0 %)</td><td>0/0 (n/a)</td></tr>' +
        '<tr><th>total</th><td>4/6 (67 %)</td><td>4/13 (31 %)</td><td>1/2 (50 %)</td><td>1/2 (50 %)</td></tr>',
    );
  });

  it('lists what each operation left unexercised', () => {
    const html = formatHtml(failingSummary());
    expect(html).toContain('<summary>Not exercised (6 operations)</summary>');
    expect(html).toContain(
      '<li>GET /incidents incidents/listIncidents: statuses <code>401</code>; paging <code>query.offset</code></li>',
    );
    expect(html).toContain(
      '<li>DELETE /incidents/{id} incidents/deleteIncident: no case; statuses <code>204</code>, <code>404</code></li>',
    );
    expect(html).toContain(
      '<li>GET /api/v1/users edge/listUsers: statuses <code>401</code>; filters <code>query.role</code></li>',
    );
    expect(formatHtml(passingSummary())).toContain(
      '<p class="pass">Every planned operation, documented status, filter and page parameter was exercised.</p>',
    );
  });

  it('says when the details of an operation are unknown', () => {
    const summary = failingSummary();
    delete summary.coverage.operations[5].detail;
    expect(formatHtml(summary)).toContain(
      '<li>GET /api/v1/users/{id} edge/getUser: no case; details unknown (no case of its spec was sent)</li>',
    );
  });

  it('lists the operations that passed, those with only known deviations among them, and those not verified', () => {
    const html = formatHtml(failingSummary());
    expect(html).toContain(
      '<h2>Passed (2)</h2>\n<table><tr><th>operation</th><th>id</th><th>cases</th></tr>' +
        '<tr><td class="pass">GET /incidents</td><td>incidents/listIncidents</td><td>2</td></tr>' +
        '<tr><td class="pass">GET /incidents/{id}</td><td>incidents/getIncident</td><td>1 <span class="known">(1 known)</span></td></tr></table>',
    );
    expect(html).toContain(
      '<h2>Not verified (1)</h2>\n<ul><li>DELETE /incidents/{id} incidents/deleteIncident — mutating operation (--read-only)</li></ul>',
    );
    expect(formatHtml(passingSummary())).toContain('<h2>Passed (2)</h2>');
    expect(formatHtml(passingSummary())).not.toContain('Not verified');
  });

  it('says PASS and "No findings." for a conforming run', () => {
    const html = formatHtml(passingSummary());
    expect(html).toContain('<h1>secmock verify: <span class="pass">PASS</span></h1>');
    expect(html).toContain('<p class="pass">No findings.</p>');
  });

  it('lists every finding of a failing run, known ones marked with their reason', () => {
    const html = formatHtml(failingSummary());
    expect(html).toContain('<span class="fail">FAIL</span>');
    expect(html.match(/<li class="fail">/g)).toHaveLength(9);
    expect(html.match(/<li class="known">/g)).toHaveLength(1);
    expect(html).toContain(`— known: ${KNOWN_FINDING.known}`);
    expect(html).not.toContain('No findings.');
  });
});
