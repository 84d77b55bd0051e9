import { editDistance, nearMissHint } from '../../../src/openapi/near-miss';

describe('nearMissHint', () => {
  it('points at the closest name when the given one is a typo of it', () => {
    expect(nearMissHint('aktoApiKy', ['meAuthToken', 'aktoApiKey'])).toBe(" (did you mean 'aktoApiKey'?)");
    expect(nearMissHint('LISTINCIDENTS', ['listIncidents'])).toBe(" (did you mean 'listIncidents'?)");
  });

  it('lists the known names, under the given label and up to the given count, when none is close', () => {
    expect(nearMissHint('zzz', ['alpha', 'beta'], 'schemes')).toBe(' (schemes: alpha, beta)');
    expect(nearMissHint('zzz', ['alpha', 'beta', 'gamma'], 'known', 2)).toBe(' (known: alpha, beta, ...)');
  });

  it('says nothing when nothing is known', () => {
    expect(nearMissHint('x', [])).toBe('');
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['listNote', 'listNotes', 1],
  ])('%s -> %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
