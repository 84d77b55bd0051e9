import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * A real Chromium for the browser tests: Debian's package (`.ci/run` installs it), driven by playwright-core,
 * headless with a throwaway profile (playwright makes a fresh one per launch) and no traffic of its own. `hostMap` resolves other host names to
 * 127.0.0.1 so a test can be a page on a foreign site (or a rebound DNS name) without leaving the machine.
 */
export const CHROMIUM_PATH = process.env.SECMOCK_CHROMIUM ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(hostMap: readonly string[] = []): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium, as .ci/run does) or set SECMOCK_CHROMIUM`,
    );
  const rules = hostMap.map((host) => `MAP ${host} 127.0.0.1`).join(', ');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...(rules ? [`--host-resolver-rules=${rules}`] : []),
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
