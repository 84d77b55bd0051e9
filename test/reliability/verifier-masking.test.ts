import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrokenApp, type BrokenApp } from '../fixtures/apps';
import { toCurl } from '../../src/contract/curl';
import { startMock } from '../../src/server/serve';
import { runCli } from '../helpers/cli';
import { VENDOR_SPECS } from '../helpers/paths';
import { removeTempDirs, tempDir } from './helpers/temp-dirs';

/**
 * The verifier never writes a credential in clear: not in curl lines, not in the failures it quotes (an
 * implementation may echo the token back), not in the console, JSON, HTML or JUnit reports.
 */
const TOKEN = 'verifier-s3cr3t+/="x';
const ALL_SCOPES = ['incident.READ', 'incident.CREATE', 'incidents.update', 'incident.DELETE'];

/** An implementation that answers every request with the credential it was sent where its data should be. */
const echoesCredentials: BrokenApp = {
  name: 'echoes-credentials',
  breaks: 'response_schema',
  description: 'answers 200 with the Authorization header it received as its data',
  hooks: {
    response: (request) => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: request.headers.authorization ?? 'none' }),
    }),
  },
};

/** Longer than the 120 characters a report quotes, so a cut before masking would leave part of it. */
const LONG_TOKEN = `verifier-long-${'s3cr3t-Kq9Zt2'.repeat(12)}`;

/** Every 12-character piece of the secret (none of them is text a report would carry anyway). */
function fragments(secret: string): string[] {
  return Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 12));
}

/** Every form a credential takes on the way out: as is, URL-encoded, JSON-escaped, base64 (Basic auth). */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
  ];
}

afterAll(() => removeTempDirs());

describe('the verifier masks credentials', () => {
  it('in a curl line, whatever form the credential takes in the request', () => {
    const curl = toCurl(
      'http://127.0.0.1:4010',
      {
        method: 'post',
        path: `/api/things?api_key=${encodeURIComponent(TOKEN)}`,
        headers: {
          authorization: `Basic ${Buffer.from(TOKEN).toString('base64')}`,
          'x-api-key': TOKEN,
        },
        body: JSON.stringify({ token: TOKEN }),
      },
      [TOKEN],
    );
    for (const form of forms(TOKEN)) expect(curl).not.toContain(form);
    expect(curl.match(/\*\*\*\*/g)).toHaveLength(4);
  });

  it.each([
    ['a short credential', TOKEN],
    ['a credential longer than any quoted value', LONG_TOKEN],
  ])('in the console and in the JSON, HTML and JUnit reports of a run that echoes %s', async (_, token) => {
    const TOKEN = token;
    const mock = await startMock({
      specs: [VENDOR_SPECS.manageEngine],
      port: 0,
      credentials: { meAuthToken: [{ value: TOKEN, scopes: ALL_SCOPES }] },
    });
    const proxy = await startBrokenApp(echoesCredentials, mock.url);
    const dir = tempDir('reports');
    const reports = { json: join(dir, 'r.json'), html: join(dir, 'r.html'), junit: join(dir, 'r.xml') };
    try {
      const run = runCli([
        'verify',
        '--base-url',
        proxy.url,
        '--spec',
        VENDOR_SPECS.manageEngine,
        '--credential',
        `meAuthToken=${TOKEN}`,
        '--report',
        Object.entries(reports)
          .map(([format, path]) => `${format}=${path}`)
          .join(','),
      ]);
      expect(await run.exited).toBe(1);
      const outputs: Record<string, string> = { console: run.output() };
      for (const [format, path] of Object.entries(reports)) outputs[format] = readFileSync(path, 'utf8');
      // Not vacuous: the reports quote the failures and their curl lines, with the credential masked.
      expect(outputs.console).toContain("-H 'authorization: Bearer ****'");
      expect(outputs.json).toContain('"actual": "\\"Bearer ****\\""');
      expect(outputs.html).toContain("-H 'authorization: Bearer ****'");
      // JUnit: one testcase per operation, the failing one named, its failure quoting the masked echo.
      expect(outputs.junit).toMatch(
        /<testcase classname="manageengine-incidents" name="GET \/api\/v2\/incident \(listIncidents\)"><failure /,
      );
      expect(outputs.junit).toContain('-H &apos;authorization: Bearer ****&apos;');
      expect(outputs.junit).toContain('got &quot;Bearer ****&quot;');
      for (const [name, text] of Object.entries(outputs))
        for (const form of forms(TOKEN))
          expect({ name, leaked: text.includes(form) }).toEqual({ name, leaked: false });
      // Not even a part of it: a quote cut short before masking would keep the secret's first characters.
      for (const [name, text] of Object.entries(outputs))
        expect({ name, leaked: fragments(TOKEN).filter((f) => text.includes(f)) }).toEqual({
          name,
          leaked: [],
        });
    } finally {
      await proxy.close();
      await mock.close();
    }
  });
});
