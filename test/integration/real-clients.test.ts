import { loadSpecs } from '../../src/openapi';
import { startMock, type RunningMock } from '../../src/server';
import { describeReplay, readCorpus, replayCorpus } from '../helpers/real-clients';
import { shippedSpecs } from '../helpers/specs';

/**
 * The vendors' own clients work against the mock: every request of the real-client corpus
 * (fixtures/real-clients/, docs/real-clients.md) is accepted, and every field the client reads is answered.
 * Each spec is served alone, from its seed, and replayed in a user's order: configure, use, remove.
 */
const WITH_CORPUS = shippedSpecs().filter(([specId]) => readCorpus(specId) !== undefined);

describe('the real-client corpus replayed against the mock', () => {
  it('has a corpus for every shipped spec', () => {
    expect(WITH_CORPUS.map(([specId]) => specId)).toEqual(shippedSpecs().map(([specId]) => specId));
  });

  it.each(WITH_CORPUS)('%s: every request accepted, every field read present', async (specId, file) => {
    const corpus = readCorpus(specId);
    if (!corpus) throw new Error(`no corpus for ${specId}`);
    const [spec] = await loadSpecs([file], { examples: false });
    let mock: RunningMock | undefined;
    try {
      mock = await startMock({ specs: [spec], port: 0, warn: () => undefined });
      const results = await replayCorpus(mock.url, spec, corpus);
      const report = describeReplay(specId, results);
      console.log(report.join('\n'));
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(report.slice(1)).toEqual([]);
    } finally {
      await mock?.close();
    }
  });
});
