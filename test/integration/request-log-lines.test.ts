import { authHeaders } from '../helpers/credentials';
import { specMock, tinyMock, TINY_KEY } from '../helpers/mock';
import { TEST_SEED_DIR, VENDOR_SPECS } from '../helpers/paths';
import type { RequestLogOptions, RequestLogRecord } from '../../src/server';

/** A tiny mock whose log lines are kept, and three requests: a 200, a refused 400 and a 503 outage. */
async function threeRequests(log: RequestLogOptions) {
  const lines: string[] = [];
  const { http } = await tinyMock({ seedDir: TEST_SEED_DIR, log: { ...log, write: (l) => lines.push(l) } });
  await http.get('/notes').set(TINY_KEY);
  await http.post('/notes').set(TINY_KEY).send({ body: 1 });
  const outage = await http
    .post('/__secmock/scenarios')
    .send({ operationId: 'listNotes', fault: 'outage', status: 503 });
  expect(outage.status).toBe(201);
  await http.get('/notes').set(TINY_KEY);
  return { lines, http };
}

describe('a log line per request', () => {
  it('prints method, path, status, time, operation and violation count, pretty', async () => {
    const { lines } = await threeRequests({ level: 'info', format: 'pretty', color: false });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} GET +\/notes 200 [\d.]+ ms tiny-notes\/listNotes$/);
    expect(lines[1]).toMatch(/ POST +\/notes 400 [\d.]+ ms tiny-notes\/createNote {2}2 violations$/);
    expect(lines[2]).toMatch(
      / GET +\/notes 503 [\d.]+ ms tiny-notes\/listNotes {2}scenario \d+ {2}fault outage 503$/,
    );
  });

  it('prints one JSON object per line for CI', async () => {
    const { lines } = await threeRequests({ level: 'info', format: 'json' });
    const records = lines.map((line) => JSON.parse(line) as RequestLogRecord);
    expect(records.map((r) => [r.method, r.path, r.status, r.operation, r.violations])).toEqual([
      ['GET', '/notes', 200, 'tiny-notes/listNotes', 0],
      ['POST', '/notes', 400, 'tiny-notes/createNote', 2],
      ['GET', '/notes', 503, 'tiny-notes/listNotes', 0],
    ]);
    expect(records[2].scenario).toBeDefined();
    for (const record of records) {
      expect(Number.isNaN(Date.parse(record.time))).toBe(false);
      expect(record.durationMs).toBeGreaterThanOrEqual(0);
      // info keeps to one line: the detail is debug's.
      expect(record.requestBody).toBeUndefined();
    }
  });

  it('colours the status on a terminal, and not otherwise', async () => {
    const coloured = await threeRequests({ level: 'info', color: true });
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[\d+m/;
    expect(coloured.lines.every((line) => ansi.test(line))).toBe(true);
    const plain = await threeRequests({ level: 'info', color: false });
    expect(plain.lines.some((line) => ansi.test(line))).toBe(false);
  });

  it("leaves out the admin API's own requests at info (the console polls it), shows them at debug", async () => {
    const info = await threeRequests({ level: 'info', format: 'json' });
    await info.http.get('/__secmock/requests');
    expect(info.lines.map((l) => JSON.parse(l).path)).not.toContain('/__secmock/requests');
    const debug = await threeRequests({ level: 'debug', format: 'json' });
    await debug.http.get('/__secmock/requests');
    const adminLine = debug.lines.map((l) => JSON.parse(l) as RequestLogRecord).at(-1);
    expect([adminLine?.path, adminLine?.admin]).toEqual(['/__secmock/requests', true]);
  });

  it('prints nothing when silent (the in-process default)', async () => {
    const { lines } = await threeRequests({ level: 'silent' });
    expect(lines).toEqual([]);
  });

  it('adds violations, headers and bodies at debug, with every secret masked', async () => {
    const lines: string[] = [];
    const { http } = await specMock(VENDOR_SPECS.aktoIntegrations, {
      log: { level: 'debug', format: 'json', write: (l) => lines.push(l) },
    });
    const key = authHeaders(VENDOR_SPECS.aktoIntegrations);
    const apiToken = 'ATATT3xFfGF0-very-secret-jira-token';
    await http
      .post('/api/jira/add')
      .set(key)
      .send({ baseUrl: 'https://acme.atlassian.net', userEmail: 'sec@acme.io', apiToken, jiraType: 1 });
    const [record] = lines.map((l) => JSON.parse(l) as RequestLogRecord);
    expect(record.status).toBe(422);
    expect(record.requestViolations?.length).toBeGreaterThan(0);
    expect(record.requestBody).toContain('"apiToken":"********"');
    expect(record.requestBody).toContain('acme.atlassian.net');
    expect(record.responseBody).toBeDefined();
    expect(Object.values(record.requestHeaders ?? {})).toContain('********');
    for (const secret of [apiToken, ...Object.values(key)]) expect(lines.join('\n')).not.toContain(secret);
  });

  it('prints the debug detail under the pretty line', async () => {
    const { lines } = await threeRequests({ level: 'debug', format: 'pretty', color: false });
    const refused = lines[1].split('\n');
    expect(refused[0]).toMatch(/ POST +\/notes 400 /);
    expect(refused.filter((l) => l.startsWith('    request violation: '))).toHaveLength(2);
    expect(refused).toContain('    request body: {"body":1}');
  });
});
