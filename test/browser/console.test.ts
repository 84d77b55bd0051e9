import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { startMock, type RunningMock } from '../../src/server';
import { launchChromium, type TestBrowser } from '../helpers/browser';
import { authHeaders } from '../helpers/credentials';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * The console page at /__secmock/ in a real Chromium: the app-side requests a page makes show in its live log
 * (status, operation, violations), the log filters, the state and the scenarios it shows are the mock's, a
 * scenario added through its form changes the next answer, the clock moves, and a session shows its own
 * world. Every expectation is read from what the mock answers, the admin API or the vendor request itself.
 */
jest.setTimeout(60_000);

/*
 * The page-side callbacks (page.evaluate, waitForFunction) run in Chromium and see its globals; the project
 * compiles without lib.dom, so these name the little of them the callbacks use (types only, nothing emitted).
 */
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const document: {
  head: { append(node: PageElement): void };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
  createElement(tag: string): PageElement;
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
};
declare const window: { inlineRan?: boolean };
declare const sessionStorage: { getItem(key: string): string | null };

/** How long the page may take to show something (it polls every second). */
const WAIT = { timeout: 10_000 };
const ME = authHeaders(VENDOR_SPECS.manageEngine);
const SESSION = 'console-test';

interface LogEntry {
  seq: number;
  method: string;
  path: string;
  status: number;
  operationId?: string;
  requestViolations: string[];
  responseViolations: string[];
  fault?: string;
}
interface Row {
  seq: number;
  status: number;
  operation: string;
  violations: number;
  fault: string | null;
}
interface CatalogueOperation {
  operationId: string;
  curl: string;
  auth?: { value: string };
}

let mock: RunningMock;
let chromium: TestBrowser;
let context: BrowserContext;
let page: Page;
/** Console errors, page errors and CSP violations of the console page itself. */
const problems: string[] = [];
/** Failed loads a test provokes on purpose (Chromium logs every non-2xx fetch as an error). */
const provoked: RegExp[] = [];

/** The admin API as a script sees it (not through the page), for what the page should show. */
async function admin<T>(path: string, session?: string): Promise<T> {
  const response = await fetch(`${mock.url}/__secmock/${path}`, {
    headers: session ? { 'x-secmock-session': session } : {},
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A request of the app under test, made from the page (same origin), answering its status. */
function appRequest(
  method: string,
  path: string,
  options: { body?: unknown; session?: string } = {},
): Promise<number> {
  const headers: Record<string, string> = { ...ME, 'content-type': 'application/json' };
  if (options.session) headers['x-secmock-session'] = options.session;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return page.evaluate(async (request) => (await fetch(request.path, request.init)).status, {
    path,
    init: { method, headers, body },
  });
}

/** The log rows the page shows (not filtered out), top to bottom. */
function shownRows(): Promise<Row[]> {
  return page.$$eval('[data-testid=log-entry]:not([hidden])', (bodies) =>
    bodies.map((b) => ({
      seq: Number(b.getAttribute('data-seq')),
      status: Number(b.getAttribute('data-status')),
      operation: b.getAttribute('data-operation') ?? '',
      violations: Number(b.getAttribute('data-violations')),
      fault: b.getAttribute('data-fault'),
    })),
  );
}

function rowOf(entry: LogEntry): Row {
  return {
    seq: entry.seq,
    status: entry.status,
    operation: entry.operationId ?? '',
    violations: entry.requestViolations.length + entry.responseViolations.length,
    fault: entry.fault ?? null,
  };
}

/** Waits until the page's log (unfiltered, top to bottom) is exactly these seqs. */
async function logShows(seqs: number[]): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid=log-entry]')].map((b) =>
          Number(b.getAttribute('data-seq')),
        ),
      ) === JSON.stringify(wanted),
    seqs,
    WAIT,
  );
}

function attributeIs(selector: string, name: string, value: string): Promise<unknown> {
  return page.waitForFunction(
    ([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v,
    [selector, name, value] as const,
    WAIT,
  );
}

async function until(check: () => boolean, timeoutMs = WAIT.timeout): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not so after ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function watchForProblems(target: Page): void {
  target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    // The app's own vendor requests that answer 4xx/5xx are logged by Chromium as failed loads: not the page's.
    const url = message.location().url ?? '';
    if (/^Failed to load resource/.test(message.text())) {
      if (!url.includes('/__secmock')) return;
      if (provoked.some((pattern) => pattern.test(`${message.text()} ${url}`))) return;
    }
    problems.push(`console ${message.type()}: ${message.text()} (${url})`);
  });
}

beforeAll(async () => {
  mock = await startMock({
    specs: [VENDOR_SPECS.manageEngine, VENDOR_SPECS.aktoIntegrations],
    port: 0,
    host: '127.0.0.1',
  });
  chromium = await launchChromium();
  context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Reported by the document whatever the console says: any CSP refusal on the page.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  page = await context.newPage();
  watchForProblems(page);
  await page.goto(`${mock.url}/__secmock/`);
});

afterAll(async () => {
  await chromium?.close();
  await mock?.close();
});

describe('the console page', () => {
  it('shows the mock health and every operation with its credential and curl line', async () => {
    const health = await admin<{ seed: number; clock: string }>('health');
    await page.waitForFunction(
      (seed) => document.getElementById('seed')?.textContent === seed,
      String(health.seed),
      WAIT,
    );
    await attributeIs('[data-testid=clock]', 'data-clock', health.clock);

    await page.click('[data-testid=tab-specs]');
    const { specs } = await admin<{ specs: Array<{ id: string; operations: CatalogueOperation[] }> }>(
      'specs',
    );
    const me = specs.find((s) => s.id === 'manageengine-incidents');
    const list = me?.operations.find((o) => o.operationId === 'listIncidents');
    expect(list?.auth?.value).toBeTruthy();
    const operation = page.locator('[data-spec=manageengine-incidents] [data-operation=listIncidents]');
    await operation.waitFor(WAIT);
    expect(await operation.locator('[data-testid=curl]').textContent()).toBe(list?.curl);
    expect(await operation.locator('[data-testid=credential]').textContent()).toContain(list?.auth?.value);
    const shownOperations = await page.locator('[data-testid=operation]').count();
    expect(shownOperations).toBe(specs.reduce((n, s) => n + s.operations.length, 0));

    const akto = specs.find((s) => s.id === 'akto-integrations');
    const someAkto = akto?.operations[0].operationId ?? 'missing';
    await page.fill('[data-testid=spec-filter]', someAkto);
    expect(await page.locator('[data-testid=operation]:visible').count()).toBeGreaterThanOrEqual(1);
    const visible = await page.$$eval('[data-testid=operation]:not([hidden])', (bodies) =>
      bodies.map((b) => b.getAttribute('data-operation')),
    );
    expect(visible.every((op) => op?.toLowerCase().includes(someAkto.toLowerCase()))).toBe(true);
    expect(await page.locator('[data-spec=manageengine-incidents]').isVisible()).toBe(false);
    await page.fill('[data-testid=spec-filter]', '');
    expect(await page.locator('[data-testid=operation]:visible').count()).toBe(shownOperations);
  });

  it('shows the requests the app makes, newest on top, with status, operation and violations', async () => {
    await page.click('[data-testid=tab-requests]');
    const statuses = [
      await appRequest('GET', '/api/v2/incident'),
      await appRequest('POST', '/api/v2/incident', { body: { name: 'console-created-1' } }),
      await appRequest('POST', '/api/v2/incident', { body: { description: 'no name' } }),
    ];
    expect(statuses[0]).toBe(200);
    expect(statuses[2]).toBeGreaterThanOrEqual(400);
    expect(statuses[2]).toBeLessThan(500);

    const { requests } = await admin<{ requests: LogEntry[] }>('requests');
    expect(requests.map((r) => r.status)).toEqual(statuses);
    const refused = requests[2];
    expect(refused.requestViolations.length).toBeGreaterThan(0);
    await logShows(requests.map((r) => r.seq).reverse());
    expect(await shownRows()).toEqual(requests.map(rowOf).reverse());
    expect(await shownRows()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 200, operation: 'listIncidents', violations: 0 }),
      ]),
    );

    // A row opens to its violations.
    const row = page.locator(`[data-testid=log-entry][data-seq="${refused.seq}"]`);
    await row.locator('tr.summary').click();
    const detail = row.locator('tr.detail');
    expect(await detail.isVisible()).toBe(true);
    for (const violation of refused.requestViolations)
      expect(await detail.textContent()).toContain(violation);
    await row.locator('tr.summary').click();
    expect(await detail.isVisible()).toBe(false);
  });

  it('filters the log by status class, violations and text', async () => {
    const { requests } = await admin<{ requests: LogEntry[] }>('requests');
    const expectShown = async (keep: (entry: LogEntry) => boolean) =>
      expect((await shownRows()).map((r) => r.seq)).toEqual(
        requests
          .filter(keep)
          .map((r) => r.seq)
          .reverse(),
      );

    await page.selectOption('[data-testid=log-filter-class]', '4');
    await expectShown((r) => r.status >= 400 && r.status < 500);
    await page.selectOption('[data-testid=log-filter-class]', '2');
    await expectShown((r) => r.status >= 200 && r.status < 300);
    await page.selectOption('[data-testid=log-filter-class]', '');

    await page.check('[data-testid=log-filter-violations]');
    await expectShown((r) => r.requestViolations.length + r.responseViolations.length > 0);
    await page.uncheck('[data-testid=log-filter-violations]');

    await page.fill('[data-testid=log-filter-text]', 'listincidents');
    await expectShown((r) => r.operationId === 'listIncidents');
    await page.fill('[data-testid=log-filter-text]', '');
    await expectShown(() => true);
  });

  it('shows the state per collection, its change after a create, and its items', async () => {
    await page.click('[data-testid=tab-state]');
    const before = await admin<{ collections: Record<string, { count: number }> }>('state');
    const incidents = before.collections.incidents.count;
    const row = '[data-testid=collection][data-collection=incidents]';
    await attributeIs(row, 'data-count', String(incidents));

    expect(await appRequest('POST', '/api/v2/incident', { body: { name: 'console-created-2' } })).toBe(200);
    const after = await admin<{ collections: Record<string, { count: number }> }>('state');
    expect(after.collections.incidents.count).toBe(incidents + 1);
    await attributeIs(row, 'data-count', String(incidents + 1));

    await page.fill('[data-testid=items-limit]', '1000');
    await page.click(row);
    await attributeIs('[data-testid=items-title]', 'data-count', String(incidents + 1));
    const items = JSON.parse((await page.textContent('[data-testid=items]')) ?? '[]') as unknown[];
    expect(items).toHaveLength(incidents + 1);
    expect(JSON.stringify(items)).toContain('console-created-2');
  });

  it('adds a scenario through its form, shows its effect and its uses running out', async () => {
    await page.click('[data-testid=tab-scenarios]');
    await page.selectOption('[data-testid=scenario-operation]', 'manageengine-incidents/listIncidents');

    // A scenario the mock refuses shows the mock's reasons.
    provoked.push(/status of 422 .*\/__secmock\/scenarios$/);
    await page.fill('[data-testid=scenario-status]', '299');
    await page.click('[data-testid=scenario-add]');
    const refused = await fetch(`${mock.url}/__secmock/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        spec: 'manageengine-incidents',
        operationId: 'listIncidents',
        status: 299,
        times: 1,
      }),
    });
    expect(refused.status).toBe(422);
    const { reasons } = (await refused.json()) as { reasons: string[] };
    await page.locator('[data-testid=scenario-reasons]').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('[data-testid=scenario-reasons] li').allTextContents()).toEqual(reasons);
    expect((await admin<{ scenarios: unknown[] }>('scenarios')).scenarios).toEqual([]);

    await page.fill('[data-testid=scenario-status]', '503');
    await page.selectOption('[data-testid=scenario-fault]', 'outage');
    await page.fill('[data-testid=scenario-times]', '1');
    await page.click('[data-testid=scenario-add]');
    const scenario = page.locator('[data-testid=scenario][data-operation=listIncidents]');
    await scenario.waitFor(WAIT);
    expect(await scenario.getAttribute('data-remaining')).toBe('1');
    expect(await page.locator('[data-testid=scenario-reasons]').isVisible()).toBe(false);
    const { scenarios } = await admin<{
      scenarios: Array<{ status: number; fault: string; remaining: number }>;
    }>('scenarios');
    expect(scenarios).toEqual([expect.objectContaining({ status: 503, fault: 'outage', remaining: 1 })]);

    expect(await appRequest('GET', '/api/v2/incident')).toBe(503);
    await scenario.waitFor({ state: 'detached', ...WAIT });
    expect(await page.locator('[data-testid=scenarios-empty]').isVisible()).toBe(true);
    expect(await appRequest('GET', '/api/v2/incident')).toBe(200);

    await page.click('[data-testid=tab-requests]');
    const { requests } = await admin<{ requests: LogEntry[] }>('requests');
    const [outage, next] = requests.slice(-2);
    expect(outage.status).toBe(503);
    expect(outage.fault).toBeTruthy();
    await page.locator(`[data-testid=log-entry][data-seq="${next.seq}"]`).waitFor(WAIT);
    const rows = await shownRows();
    expect(rows.slice(0, 2)).toEqual([rowOf(next), rowOf(outage)]);
    expect(rows[1]).toMatchObject({ status: 503, operation: 'listIncidents' });
  });

  it('advances the virtual clock', async () => {
    const before = (await admin<{ clock: string }>('health')).clock;
    await attributeIs('[data-testid=clock]', 'data-clock', before);
    await page.fill('[data-testid=clock-amount]', '2');
    await page.selectOption('[data-testid=clock-unit]', { label: 'hours' });
    await page.click('[data-testid=clock-advance]');
    const expected = new Date(Date.parse(before) + 2 * 3_600_000).toISOString();
    await attributeIs('[data-testid=clock]', 'data-clock', expected);
    expect((await admin<{ clock: string }>('health')).clock).toBe(expected);
  });

  it("shows a session's own log, state and clock", async () => {
    expect(
      await appRequest('POST', '/api/v2/incident', { body: { name: 'in-session' }, session: SESSION }),
    ).toBe(200);
    await page
      .locator(`[data-testid=session-select] option[value="${SESSION}"]`)
      .waitFor({ state: 'attached', ...WAIT });
    await page.selectOption('[data-testid=session-select]', SESSION);

    const own = await admin<{ requests: LogEntry[] }>('requests', SESSION);
    expect(own.requests.map((r) => r.operationId)).toEqual(['createIncident']);
    await logShows(own.requests.map((r) => r.seq));
    expect(await shownRows()).toEqual(own.requests.map(rowOf));
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid=health-status]')?.textContent?.includes(name),
      SESSION,
      WAIT,
    );
    const health = await admin<{ clock: string }>('health', SESSION);
    const shared = await admin<{ clock: string }>('health');
    expect(health.clock).not.toBe(shared.clock);
    await attributeIs('[data-testid=clock]', 'data-clock', health.clock);

    await page.click('[data-testid=tab-state]');
    const state = await admin<{ collections: Record<string, { count: number }> }>('state', SESSION);
    const sharedState = await admin<{ collections: Record<string, { count: number }> }>('state');
    expect(state.collections.incidents.count).not.toBe(sharedState.collections.incidents.count);
    await attributeIs(
      '[data-testid=collection][data-collection=incidents]',
      'data-count',
      String(state.collections.incidents.count),
    );

    // Back to the shared world: its log again.
    await page.selectOption('[data-testid=session-select]', '');
    const { requests } = await admin<{ requests: LogEntry[] }>('requests');
    await logShows(requests.map((r) => r.seq).reverse());
    await attributeIs(
      '[data-testid=collection][data-collection=incidents]',
      'data-count',
      String(sharedState.collections.incidents.count),
    );
  });

  it('showed no error banner, no console error and no CSP violation', async () => {
    expect(await page.locator('[data-testid=banner]').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    // The watch is live: an inline script (which the page never uses) is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await until(() => problems.some((p) => p.includes('CSP violation')));
    expect(await page.evaluate(() => window.inlineRan)).toBeUndefined();
  });
});

describe('the console page of a mock with an admin token', () => {
  const TOKEN = 'console-test-token';
  let guarded: RunningMock;
  let tokenContext: BrowserContext;
  let tokenPage: Page;

  beforeAll(async () => {
    guarded = await startMock({
      specs: [VENDOR_SPECS.manageEngine],
      port: 0,
      host: '127.0.0.1',
      adminToken: TOKEN,
    });
    // A context of its own, closed before the mock: Chromium's spare sockets go with it, so closing the mock
    // does not wait for them to time out.
    tokenContext = await chromium.browser.newContext();
    tokenPage = await tokenContext.newPage();
  });
  afterAll(async () => {
    await tokenContext?.close();
    await guarded?.close();
  });

  it('says the admin API refused it, asks for the token once and then works', async () => {
    await tokenPage.goto(`${guarded.url}/__secmock/`);
    await tokenPage.locator('[data-testid=token-form]').waitFor({ state: 'visible', ...WAIT });
    await tokenPage.locator('[data-testid=banner]').waitFor({ state: 'visible', ...WAIT });
    expect(await tokenPage.textContent('[data-testid=banner-text]')).toContain('401');
    expect(await tokenPage.textContent('[data-testid=seed]')).toBe('…');

    await tokenPage.fill('[data-testid=token-input]', TOKEN);
    await tokenPage.press('[data-testid=token-input]', 'Enter');
    const health = (await (
      await fetch(`${guarded.url}/__secmock/health`, { headers: { 'x-secmock-admin-token': TOKEN } })
    ).json()) as { seed: number };
    await tokenPage.waitForFunction(
      (seed) => document.getElementById('seed')?.textContent === seed,
      String(health.seed),
      WAIT,
    );
    await tokenPage.locator('[data-testid=banner]').waitFor({ state: 'hidden', ...WAIT });
    expect(await tokenPage.locator('[data-testid=token-form]').isVisible()).toBe(false);
    expect(await tokenPage.evaluate(() => sessionStorage.getItem('secmock-admin-token'))).toBe(TOKEN);
  });
});
