import { AKTO_KEY, aktoMock, type AktoMock } from './helpers';

/**
 * What the Akto dashboard sends that the document forbids (x-secmock.accepts): a stored secret comes back as
 * null on a re-save. The server keeps the stored secret, and needs one on the first save; a strict mock (or
 * `Prefer: strict=true`) holds the client to the document instead.
 */
interface SecretCase {
  path: string;
  resource: string;
  answer: string;
  field: string;
  body: Record<string, unknown>;
  /** A field the re-save changes, to show the save went through. */
  change: Record<string, unknown>;
  firstSaveRefusal: string;
}

const TENANT = '6f1d2c3b-8a4e-4b7f-9c21-3e5d7a9b0c14';
const CASES: SecretCase[] = [
  {
    path: '/api/addAzureBoardsIntegration',
    resource: 'azureBoardsIntegration',
    answer: 'azureBoardsIntegration',
    field: 'personalAuthToken',
    body: { azureBoardsBaseUrl: 'https://dev.azure.com', organization: 'example-corp', projectList: ['A'] },
    change: { projectList: ['A', 'B'] },
    firstSaveRefusal: 'Please enter a valid personal auth token.',
  },
  {
    path: '/api/addAdxIntegration',
    resource: 'adxIntegration',
    answer: 'adxIntegration',
    field: 'applicationKey',
    body: {
      clusterEndpoint: 'https://akto.eastus.kusto.windows.net',
      databaseName: 'AktoThreatDB',
      tenantId: TENANT,
      applicationClientId: '2a9c4e6f-1b3d-4f5a-8c7e-9d0b1a2c3e4f',
    },
    change: { databaseName: 'AktoGuardrails' },
    firstSaveRefusal: 'Please enter a valid application key (client secret).',
  },
  {
    path: '/api/addDevRevIntegration',
    resource: 'devrevIntegration',
    answer: 'devrevIntegration',
    field: 'personalAccessToken',
    body: { orgUrl: 'https://app.devrev.ai/example-org', partsIdToNameMap: { 'PROD-1': 'Payments API' } },
    change: { partsIdToNameMap: { 'PROD-1': 'Payments API', 'PROD-3': 'Partner Gateway' } },
    firstSaveRefusal: 'Please enter a valid personal access token.',
  },
  {
    path: '/api/addMicrosoftDefenderIntegration',
    resource: 'defenderIntegration',
    answer: 'microsoftDefenderIntegration',
    field: 'clientSecret',
    body: { tenantId: TENANT, clientId: 'b7e3f2a1', dataIngestionUrl: 'https://ingest.example-org.com' },
    change: { recurringIntervalSeconds: 1800 },
    firstSaveRefusal: 'Please enter a valid client secret.',
  },
  {
    path: '/api/addSentinelOneIntegration',
    resource: 'sentinelOneIntegration',
    answer: 'sentinelOneIntegration',
    field: 'apiToken',
    body: { consoleUrl: 'https://usea1.sentinelone.net', dataIngestionUrl: 'https://ingest.example-org.com' },
    change: { recurringIntervalSeconds: 7200 },
    firstSaveRefusal: 'Please enter a valid API token.',
  },
];

describe('Akto integrations: a secret sent back as null on a re-save', () => {
  let mock: AktoMock;
  beforeAll(async () => {
    mock = await aktoMock();
  });
  beforeEach(async () => {
    await mock.http.post('/__secmock/reset');
  });

  it.each(CASES.map((c) => [c.path, c] as const))(
    '%s: keeps the stored secret, reports the departure, and needs a secret on the first save',
    async (_path, c) => {
      const first = await mock.postAsDashboard(c.path, { ...c.body, [c.field]: null });
      expect([first.status, first.body]).toEqual([422, { actionErrors: [c.firstSaveRefusal] }]);
      expect(mock.stored(c.resource)).toBeUndefined();

      await mock.post(c.path, { ...c.body, [c.field]: 'secret-1' });
      const resaved = await mock.postAsDashboard(c.path, { ...c.body, ...c.change, [c.field]: null });
      expect(resaved.status).toBe(200);
      expect(resaved.departures).toEqual([`body.${c.field}: must be string`]);
      expect(resaved.body[c.answer]).toMatchObject({ ...answerFields(c.change), [c.field]: '********' });
      expect(mock.stored(c.resource)?.[c.field]).toBe('secret-1');
    },
  );

  it('a strict mock refuses the null in the actionErrors envelope; the default one accepts and reports it', async () => {
    const adx = CASES[1];
    await mock.post(adx.path, { ...adx.body, applicationKey: 'secret-1' });
    const resave = { ...adx.body, applicationKey: null };
    const accepted = await mock.http.post(adx.path).set(AKTO_KEY).send(resave);
    expect(accepted.status).toBe(200);
    expect(accepted.headers['x-secmock-violations']).toBe(
      '1; document-only: body.applicationKey: must be string',
    );
    const preferred = await mock.http.post(adx.path).set(AKTO_KEY).set('Prefer', 'strict=true').send(resave);
    expect([preferred.status, preferred.body]).toEqual([
      422,
      { actionErrors: ['body.applicationKey: must be string'] },
    ]);

    const strict = await aktoMock({ strict: true });
    await strict.post(adx.path, { ...adx.body, applicationKey: 'secret-1' });
    const refused = await strict.http.post(adx.path).set(AKTO_KEY).send(resave);
    expect([refused.status, refused.body]).toEqual([
      422,
      { actionErrors: ['body.applicationKey: must be string'] },
    ]);
    const relaxed = await strict.http.post(adx.path).set(AKTO_KEY).set('Prefer', 'strict=false').send(resave);
    expect(relaxed.status).toBe(200);
    expect(strict.stored('adxIntegration')?.applicationKey).toBe('secret-1');
  });
});

/** The request fields as the answer shows them (DevRev stores its parts map as `partsMap`). */
function answerFields(change: Record<string, unknown>): Record<string, unknown> {
  const { partsIdToNameMap, ...others } = change;
  return partsIdToNameMap === undefined ? others : { ...others, partsMap: partsIdToNameMap };
}
