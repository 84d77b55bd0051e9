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

  it('escapes the target, the spec ids and the operations', () => {
    const summary = failingSummary();
    summary.baseUrl = 'http://x.test/?a=1&b=<2>';
    summary.specs[0].id = '<b>incidents</b>';
    summary.byOperation[1].operationId = 'create"<i>"';
    const html = formatHtml(summary);
    expect(html).toContain('<code>http://x.test/?a=1&amp;b=&lt;2&gt;</code>');
    expect(html).toContain('<td>&lt;b&gt;incidents&lt;/b&gt;</td>');
    expect(html).toContain('incidents/create&quot;&lt;i&gt;&quot;</summary>');
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
