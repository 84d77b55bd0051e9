import request from 'supertest';
import { verify } from '../../src/contract';
import { createMockApp } from '../../src/server';
import { startMock } from '../../src/server';
import { explain } from '../helpers/contract';
import { authHeaders } from '../helpers/credentials';
import { TEST_SPECS_DIR } from '../helpers/paths';
import { join } from 'node:path';

/**
 * Two levels of truth (x-secmock.accepts): the mock accepts what the vendor accepts beyond its document,
 * acts on it in the document's terms and reports the departure; --strict and Prefer: strict=true hold the
 * client to the document; the verifier counts accepting it as conformant, against a strict mock as well.
 */
const SPEC = join(TEST_SPECS_DIR, 'example-soc-cases.yaml');
const AUTH = authHeaders(SPEC);
const PRIORITY = { title: 'Phishing mail reported by finance', severity: 'P1' };

async function mock(strict?: boolean) {
  const app = await createMockApp({ specs: [SPEC], seedDir: false, strict, warn: () => undefined });
  return { app, http: request(app) };
}

describe('a request only the vendor accepts', () => {
  it('is accepted, stored in the document’s terms and reported as document-only', async () => {
    const { app, http } = await mock();
    const created = await http.post('/soc/v2/cases').set(AUTH).send(PRIORITY);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: PRIORITY.title, severity: 'critical' });
    expect(created.headers['x-secmock-violations']).toBe(
      '1; document-only: body.severity: must be one of "low", "medium", "high", "critical"',
    );
    const read = await http.get(`/soc/v2/cases/${String(created.body.case_id)}`).set(AUTH);
    expect(read.body.severity).toBe('critical');
    const [logged] = app.mock.log.recent(2);
    expect(logged.documentDepartures).toEqual([
      'body.severity: must be one of "low", "medium", "high", "critical"',
    ]);
    expect(logged.requestViolations).toEqual([]);
  });

  it('in the vendor’s other body shape, is stored like the document’s shape', async () => {
    const { http } = await mock();
    const created = await http
      .post('/soc/v2/cases')
      .set(AUTH)
      .send({ case: { title: 'Wrapped', severity: 'low' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Wrapped', severity: 'low', status: 'new' });
    expect(created.headers['x-secmock-violations']).toMatch(/^\d+; document-only: body/);
  });

  it('is refused in the vendor envelope by a strict mock, and by Prefer: strict=true', async () => {
    const strict = await mock(true);
    const refused = await strict.http.post('/soc/v2/cases').set(AUTH).send(PRIORITY);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({
      errors: ['body.severity: must be one of "low", "medium", "high", "critical"'],
    });
    expect(
      (await strict.http.post('/soc/v2/cases').set(AUTH).set('Prefer', 'strict=false').send(PRIORITY)).status,
    ).toBe(201);
    const lenient = await mock();
    const preferred = await lenient.http
      .post('/soc/v2/cases')
      .set(AUTH)
      .set('Prefer', 'strict=true')
      .send(PRIORITY);
    expect(preferred.status).toBe(422);
    expect((await lenient.http.get('/soc/v2/cases').set(AUTH)).body.total).toBe(0);
  });

  it('that the vendor would refuse too is refused with the document’s violations', async () => {
    const { http } = await mock();
    const refused = await http.post('/soc/v2/cases').set(AUTH).send({ severity: 'P9' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([
        'body.title: is required',
        'body.severity: must be one of "low", "medium", "high", "critical"',
      ]),
    );
  });
});

describe('the verifier and the two levels', () => {
  it.each([false, true])('finds a mock conformant, strict: %s', async (strict) => {
    const running = await startMock({
      specs: [SPEC],
      seedDir: false,
      strict,
      port: 0,
      warn: () => undefined,
    });
    try {
      const result = await verify({ baseUrl: running.url, specs: [SPEC] });
      if (!result.summary.ok) throw new Error(explain(result));
      expect(result.summary.cases).toBeGreaterThan(20);
    } finally {
      await running.close();
    }
  });
});
