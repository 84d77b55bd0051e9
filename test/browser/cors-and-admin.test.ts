import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startMock, type RunningMock } from '../../src/server';
import { launchChromium, type TestBrowser } from '../helpers/browser';
import { authHeaders } from '../helpers/credentials';
import { VENDOR_SPECS } from '../helpers/paths';

/**
 * CORS and the admin API's protection as Chromium enforces them: a page of the developer's app on another
 * loopback port reads answers fetched with `credentials: 'include'`; a page of another site (a host name
 * Chromium resolves to 127.0.0.1, as a rebinding attacker's would) cannot change the mock through the admin
 * API, neither with CORS nor with a request that needs no preflight, nor by addressing the mock by its name.
 */
jest.setTimeout(60_000);

const FOREIGN_HOST = 'attacker.test';
const ME = authHeaders(VENDOR_SPECS.manageEngine);

/** What a page-side fetch came to: the status and body it could read, or the error the browser gave. */
interface Fetched {
  status?: number;
  body?: string;
  error?: string;
}

let mock: RunningMock;
let appServer: Server;
let appPort: number;
let chromium: TestBrowser;

beforeAll(async () => {
  mock = await startMock({ port: 0, host: '127.0.0.1', specs: [VENDOR_SPECS.manageEngine] });
  // The "app": an empty page, whatever host name it is reached by.
  appServer = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>app</title><p>app</p>');
  });
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
  appPort = (appServer.address() as AddressInfo).port;
  chromium = await launchChromium([FOREIGN_HOST]);
});

afterAll(async () => {
  await chromium?.close();
  await new Promise((resolve) => appServer?.close(resolve));
  await mock?.close();
});

async function pageAt(origin: string): Promise<Page> {
  const page = await chromium.browser.newPage();
  await page.goto(`${origin}/`);
  return page;
}

/** A fetch made by the page, as its own script would. */
function fetchFrom(page: Page, url: string, init: Record<string, unknown>): Promise<Fetched> {
  return page.evaluate(
    async ([target, options]) => {
      try {
        const response = await fetch(target, options);
        return { status: response.status, body: await response.text() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    [url, init] as const,
  );
}

async function incidentCount(): Promise<number> {
  const state = (await (await fetch(`${mock.url}/__secmock/state`)).json()) as {
    collections: Record<string, { count: number }>;
  };
  return Object.values(state.collections).reduce((sum, c) => sum + c.count, 0);
}

describe('in Chromium', () => {
  it("lets the developer's app on another loopback port read answers fetched with credentials", async () => {
    const page = await pageAt(`http://localhost:${appPort}`);
    const listed = await fetchFrom(page, `${mock.url}/api/v2/incident?limit=2`, {
      credentials: 'include',
      headers: ME,
    });
    expect(listed.error).toBeUndefined();
    expect(listed.status).toBe(200);
    const direct = await fetch(`${mock.url}/api/v2/incident?limit=2`, { headers: ME });
    expect(JSON.parse(listed.body ?? '')).toEqual(await direct.json());
    // The same page may drive the mock through the admin API (a test harness in the app does).
    const health = await fetchFrom(page, `${mock.url}/__secmock/health`, { credentials: 'include' });
    expect([health.status, JSON.parse(health.body ?? '{}').status]).toEqual([200, 'ok']);
    await page.close();
  });

  it("lets another site's page call the vendor API, but not the admin API", async () => {
    const page = await pageAt(`http://${FOREIGN_HOST}:${appPort}`);
    const vendor = await fetchFrom(page, `${mock.url}/api/v2/incident?limit=1`, {
      credentials: 'include',
      headers: ME,
    });
    expect(vendor.status).toBe(200);

    const before = await incidentCount();
    await fetch(`${mock.url}/api/v2/incident`, {
      method: 'POST',
      headers: { ...ME, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'kept across the attack' }),
    });
    expect(await incidentCount()).toBe(before + 1);

    const withCors = await fetchFrom(page, `${mock.url}/__secmock/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(withCors.error).toMatch(/Failed to fetch/);
    const read = await fetchFrom(page, `${mock.url}/__secmock/state`, {});
    expect(read.error).toMatch(/Failed to fetch/);
    // A "simple" request goes out without a preflight; only the mock's Origin check stops it.
    await fetchFrom(page, `${mock.url}/__secmock/reset`, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    await fetchFrom(page, `${mock.url}/__secmock/scenarios`, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ operationId: 'listIncidents', fault: 'outage', status: 503 }),
    });
    expect(await incidentCount()).toBe(before + 1);
    const scenarios = (await (await fetch(`${mock.url}/__secmock/scenarios`)).json()) as { scenarios: [] };
    expect(scenarios.scenarios).toEqual([]);
    await page.close();
  });

  it('refuses the admin API to a page that reaches the mock by a rebound DNS name', async () => {
    const before = await incidentCount();
    const port = new URL(mock.url).port;
    // The attacker's name now points at 127.0.0.1: the page and the mock share an origin.
    const page = await pageAt(`http://${FOREIGN_HOST}:${port}`);
    const reset = await fetchFrom(page, '/__secmock/reset', { method: 'POST' });
    expect(reset.status).toBe(403);
    expect(JSON.parse(reset.body ?? '{}').error).toContain(FOREIGN_HOST);
    const state = await fetchFrom(page, '/__secmock/state', {});
    expect(state.status).toBe(403);
    expect(state.body).not.toMatch(/collections/);
    expect(await incidentCount()).toBe(before);
    await page.close();
  });
});
