import { startMock } from '../../src/server/serve';
import { VENDOR_SPECS } from '../helpers/paths';
import { closeRawAgent, sendRaw } from './helpers/raw-http';

/**
 * A request Node's HTTP parser refuses never reaches the pipeline, yet the answer is still in the envelope of
 * the spec whose path it was sent to. Telling that apart needs two specs with different envelopes served
 * together: Lacework Edge ({message}) and ManageEngine ({error: {...}}) are the pair. Each vendor's own
 * bounds (body size, array length, nesting, collection size) are in test/vendors/<spec-id>/limits.test.ts;
 * test/integration/limits.test.ts covers them on the tiny spec.
 */
afterAll(() => closeRawAgent());

describe("headers or a URL over Node's 16 KB limit", () => {
  it('are refused with 431 in the vendor envelope of the path, not a bare status', async () => {
    const mock = await startMock({
      specs: [VENDOR_SPECS.lacework, VENDOR_SPECS.manageEngine],
      port: 0,
    });
    try {
      const long = 'x'.repeat(20_000);
      const lacework = await sendRaw(mock.url, {
        method: 'GET',
        target: `/api/v1/users?q=${long}`,
        headers: {},
      });
      expect([lacework.status, lacework.json]).toEqual([
        431,
        { message: 'the request could not be read (Parse Error: Header overflow)' },
      ]);
      const me = await sendRaw(mock.url, {
        method: 'GET',
        target: '/api/v2/incident',
        headers: { 'x-long': long },
      });
      expect(me.status).toBe(431);
      expect(me.json).toEqual({
        error: {
          code: '07001110',
          title: 'Payload Too Large',
          detail: 'the request could not be read (Parse Error: Header overflow)',
        },
      });
      // The mock still answers afterwards.
      expect((await fetch(`${mock.url}/__secmock/health`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
