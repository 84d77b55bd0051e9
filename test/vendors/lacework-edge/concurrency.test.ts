import { startMock } from '../../../src/server/serve';
import { authHeaders } from '../../helpers/credentials';
import { VENDOR_SPECS } from '../../helpers/paths';

/**
 * Concurrent clients over real HTTP on the Lacework Edge spec: connectors are keyed by a name the client
 * chooses, so racing creates of one name must store exactly one and refuse the others in the {message}
 * envelope. (test/reliability/concurrency.test.ts races creates, updates and deletes on the tiny spec.)
 */
describe('concurrency over real HTTP on Lacework Edge', () => {
  it('100 concurrent Lacework creates of one client-chosen name: one connector, 99 conflicts in the envelope', async () => {
    const mock = await startMock({ specs: [VENDOR_SPECS.lacework], port: 0 });
    try {
      const login = await fetch(`${mock.url}/api/v1/token_login?account=example`, {
        headers: authHeaders(VENDOR_SPECS.lacework, { scheme: 'laceworkApiToken' }),
      });
      const { token } = (await login.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${mock.url}/api/v1/connectors`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ unique_name: 'race-connector', name: 'Race' }),
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })),
        ),
      );
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      const conflicts = answers.filter((a) => a.status === 400);
      expect(conflicts).toHaveLength(99);
      expect(conflicts[0].body).toEqual({ message: "connectors 'race-connector' already exists" });
      const list = (await (await fetch(`${mock.url}/api/v1/connectors`, { headers })).json()) as {
        connectors: Array<{ unique_name: string }>;
      };
      expect(list.connectors.filter((c) => c.unique_name === 'race-connector')).toHaveLength(1);
    } finally {
      await mock.close();
    }
  });
});
