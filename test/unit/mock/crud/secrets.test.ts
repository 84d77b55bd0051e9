import {
  isMaskedOrEmpty,
  keepStoredSecrets,
  MASK,
  maskSecrets,
  secretPaths,
} from '../../../../src/mock/crud/secrets';

describe('secretPaths', () => {
  it('splits dotted paths', () => {
    expect(secretPaths(['token', 'credentials.client_secret'])).toEqual([
      ['token'],
      ['credentials', 'client_secret'],
    ]);
  });
});

describe('maskSecrets', () => {
  const paths = secretPaths(['token', 'credentials.client_secret', 'missing.deep']);

  it('masks every secret that holds text, at the top and inside objects, and keeps the shape', () => {
    const entity = { id: 1, token: 'abc', credentials: { client_id: 'cid', client_secret: 'shh' } };
    expect(maskSecrets(entity, paths)).toEqual({
      id: 1,
      token: MASK,
      credentials: { client_id: 'cid', client_secret: MASK },
    });
  });

  it('leaves the stored entity as it was', () => {
    const entity = { token: 'abc', credentials: { client_secret: 'shh' } };
    maskSecrets(entity, paths);
    expect(entity).toEqual({ token: 'abc', credentials: { client_secret: 'shh' } });
  });

  it.each([
    ['an empty string', { token: '' }],
    ['null', { token: null }],
    ['a number', { token: 42 }],
    ['an absent field', {}],
    ['a path through a non-object', { credentials: 'text' }],
    ['a path through an array', { credentials: ['a'] }],
  ])('leaves %s alone', (_, entity) => {
    expect(maskSecrets(entity, paths)).toEqual(entity);
  });
});

describe('isMaskedOrEmpty', () => {
  it.each([
    [MASK, true],
    [`${MASK}1234`, true],
    ['ab******', true],
    ['', true],
    [null, true],
    ['*****', false],
    ['secret', false],
    [undefined, false],
    [0, false],
  ])('%j -> %s', (value, expected) => {
    expect(isMaskedOrEmpty(value)).toBe(expected);
  });
});

describe('keepStoredSecrets', () => {
  const paths = secretPaths(['token', 'credentials.client_secret']);
  const stored = { token: 'stored', credentials: { client_id: 'old-id', client_secret: 'stored-secret' } };

  it('puts the stored value back where the patch sent the mask or nothing', () => {
    expect(
      keepStoredSecrets(
        { token: MASK, credentials: { client_id: 'new-id', client_secret: '' } },
        stored,
        paths,
      ),
    ).toEqual({ token: 'stored', credentials: { client_id: 'new-id', client_secret: 'stored-secret' } });
  });

  it('keeps a new secret as sent', () => {
    const patch = { token: 'new', credentials: { client_secret: 'new-secret' } };
    expect(keepStoredSecrets(patch, stored, paths)).toEqual(patch);
  });

  it('leaves out a field the patch does not send', () => {
    expect(keepStoredSecrets({ title: 't' }, stored, paths)).toEqual({ title: 't' });
  });

  it('drops a masked secret that was never stored', () => {
    expect(keepStoredSecrets({ token: MASK, credentials: { client_secret: null } }, {}, paths)).toEqual({
      credentials: {},
    });
  });

  it('does not change the patch it was given', () => {
    const patch = { token: MASK };
    keepStoredSecrets(patch, stored, paths);
    expect(patch).toEqual({ token: MASK });
  });
});
