import { MockEngine } from '../../../src/mock/engine';
import { makeOperation, makeSpec } from '../helpers/model';

/** The engine built in memory (no seed directory, no server). */
describe('MockEngine.warnOnce', () => {
  it('says each message once', () => {
    const warnings: string[] = [];
    const engine = new MockEngine({
      specs: [makeSpec({ operations: [makeOperation()] })],
      seedDir: false,
      warn: (m) => warnings.push(m),
    });
    engine.warnOnce('a');
    engine.warnOnce('a');
    engine.warnOnce('b');
    expect(warnings).toEqual(['a', 'b']);
  });
});
