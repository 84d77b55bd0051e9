import { isSize } from '../../../src/commands/sizes';

describe('isSize (--body-limit)', () => {
  it.each(['1mb', '500kb', '100', '100b', '1.5MB', '10 mb', '2gb'])('takes %s', (value) => {
    expect(isSize(value)).toBe(true);
  });

  // `bytes` alone would read '1e3' as 1 byte and ' 1mb' as 1 byte; 0 would refuse every body.
  it.each(['huge', 'mb', '', '-1kb', '0', '0kb', '1e3', ' 1mb', '1 megabyte'])('refuses %j', (value) => {
    expect(isSize(value)).toBe(false);
  });
});
