import { networkInterfaces } from 'node:os';
import { authHeaders } from '../helpers/credentials';
import { startMock, type RunningMock } from '../../src/server/serve';
import { TINY_SPEC } from '../helpers/paths';

/**
 * The admin API over a real network interface, not only loopback: a mock listening on every interface
 * answers its API to anyone but its admin API only to loopback peers, unless it was started with an
 * admin token, which every peer must then send. Connecting to the machine's own non-loopback address makes
 * the mock see a non-loopback peer; on a machine without one the test cannot run and says so.
 */
const address = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address;
const KEY = authHeaders(TINY_SPEC);

const onNetwork = address ? describe : describe.skip;
if (!address) console.warn('admin-network: no non-loopback IPv4 address on this machine; skipped');

onNetwork(`the admin API seen from the network (${address ?? 'none'})`, () => {
  let mock: RunningMock | undefined;
  afterEach(async () => mock?.close());

  const at = (host: string, path: string, headers: Record<string, string> = {}) => {
    const port = new URL((mock as RunningMock).url).port;
    return fetch(`http://${host}:${port}${path}`, { headers });
  };

  it('without an admin token: 403 from the network, 200 from loopback; the vendor API answers both', async () => {
    mock = await startMock({ specs: [TINY_SPEC], seedDir: false, port: 0, host: '0.0.0.0' });
    const remote = await at(address as string, '/__secmock/state');
    expect(remote.status).toBe(403);
    expect(await remote.json()).toEqual({
      error: 'the admin API answers loopback clients only; start secmock with --admin-token to open it',
    });
    const port = new URL(mock.url).port;
    expect((await fetch(`http://${address}:${port}/__secmock/reset`, { method: 'POST' })).status).toBe(403);
    expect((await at('127.0.0.1', '/__secmock/state')).status).toBe(200);
    expect((await at(address as string, '/notes', KEY)).status).toBe(200);
  });

  it('with an admin token: every peer must send it, loopback included', async () => {
    mock = await startMock({
      specs: [TINY_SPEC],
      seedDir: false,
      port: 0,
      host: '0.0.0.0',
      adminToken: 'adm-7f3',
    });
    for (const host of [address as string, '127.0.0.1']) {
      expect((await at(host, '/__secmock/state')).status).toBe(401);
      expect((await at(host, '/__secmock/state', { 'x-secmock-admin-token': 'wrong' })).status).toBe(401);
      expect((await at(host, '/__secmock/state', { 'x-secmock-admin-token': 'adm-7f3' })).status).toBe(200);
    }
  });
});
