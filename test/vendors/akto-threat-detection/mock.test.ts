import { authHeaders } from '../../helpers/credentials';
import { specMock } from '../../helpers/mock';
import { VENDOR_SPECS } from '../../helpers/paths';

/** The mock of the Akto threat detection spec over HTTP: auth, the validation envelope, determinism. */
const KEY = authHeaders(VENDOR_SPECS.aktoThreatDetection);
const threatMock = (seed = 1) => specMock(VENDOR_SPECS.aktoThreatDetection, { seed });

describe('Akto threat detection', () => {
  it('refuses a wrong key and lists violations in the actionErrors envelope', async () => {
    const { http } = await threatMock();
    expect((await http.post('/api/fetchThreatActors').set('x-api-key', 'nope').send({})).status).toBe(403);
    const invalid = await http.post('/api/fetchThreatActors').set(KEY).send({ endTs: 'later', skip: -1 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.actionErrors).toEqual(
      expect.arrayContaining(['body.startTs: is required', 'body.endTs: must be integer']),
    );
  });

  it('answers the same data for the same seed and other data for another seed', async () => {
    const request1 = { startTs: 1756837800, endTs: 1757442599 };
    const answers = await Promise.all(
      [1, 1, 2].map(async (seed) => {
        const { http } = await threatMock(seed);
        return (
          await http
            .post('/api/fetchThreatActors')
            .set(KEY)
            .send({ ...request1, skip: 0 })
        ).text;
      }),
    );
    expect(answers[0]).toBe(answers[1]);
    expect(answers[2]).not.toBe(answers[0]);
  });
});
