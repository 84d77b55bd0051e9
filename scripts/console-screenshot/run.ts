import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, spawnNode, stopChild, waitUntilAnswering, type NodeChild } from '../processes';

/**
 * `docs/console.png`: the console page of a `secmock serve` (built, in dist/) after a few requests of an app,
 * in Debian's Chromium at 1280x900. Run it after a change to the page; the tests never write into docs/.
 */
const ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
const CHROMIUM = process.env.SECMOCK_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = join(ROOT, 'docs', 'console.png');
const ME = { authorization: 'Bearer secmock-me-token', 'content-type': 'application/json' };
const AKTO = { 'x-api-key': 'secmock-akto-key', 'content-type': 'application/json' };

async function call(base: string, method: string, path: string, headers: object, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: headers as Record<string, string>,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** What an app under test might do: reads, a create, a refused create, an outage it retries through. */
async function traffic(base: string): Promise<void> {
  await call(base, 'GET', '/api/v2/incident?limit=10', ME);
  await call(base, 'POST', '/api/v2/incident', ME, { name: 'Suspicious login burst', severity: 'attention' });
  await call(base, 'POST', '/api/v2/incident', ME, { description: 'no name given' });
  await call(base, 'GET', '/api/v2/incident/1', ME);
  await call(
    base,
    'POST',
    '/__secmock/scenarios',
    { 'content-type': 'application/json' },
    {
      spec: 'manageengine-incidents',
      operationId: 'listIncidents',
      fault: 'outage',
      status: 503,
      times: 1,
    },
  );
  await call(base, 'GET', '/api/v2/incident', ME);
  await call(base, 'GET', '/api/v2/incident', ME);
  await call(base, 'POST', '/api/jira/delete', AKTO, { projId: 'SCRUM' });
  await call(
    base,
    'POST',
    '/__secmock/scenarios',
    { 'content-type': 'application/json' },
    {
      spec: 'manageengine-incidents',
      operationId: 'createIncident',
      fault: 'outage',
      status: 429,
      retryAfter: 30,
      times: 3,
    },
  );
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const port = await freePort();
  const server: NodeChild = spawnNode(join(ROOT, 'dist', 'bin.js'), [
    'serve',
    '--port',
    String(port),
    '--log-level',
    'silent',
  ]);
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    await waitUntilAnswering(`${base}/__secmock/health`, server);
    await traffic(base);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/__secmock/`);
    const { requests } = (await (await fetch(`${base}/__secmock/requests`)).json()) as {
      requests: Array<{ seq: number }>;
    };
    await page.locator(`[data-testid=log-entry][data-seq="${requests[requests.length - 1].seq}"]`).waitFor();
    // Open the refused create, to show what a row tells.
    await page.locator('[data-testid=log-entry][data-status="400"] tr.summary').first().click();
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${OUTPUT}`);
  } finally {
    await browser.close();
    await stopChild(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
