import { SchemaCompiler } from '../../../src/schema';

/** The formats secmock checks beyond ajv-formats, through the compiler every request goes through. */
const compiler = new SchemaCompiler();
const errorsOf = (schema: object, value: unknown) => compiler.compile(schema, 'body')(value);

describe('int32 and int64', () => {
  const int32 = { type: 'integer', format: 'int32' };
  const int64 = { type: 'integer', format: 'int64' };

  it.each([2147483647, -2147483648, 0])('int32 takes %p', (value) => {
    expect(errorsOf(int32, value)).toEqual([]);
  });

  it.each([2147483648, -2147483649, 2 ** 53 + 2])('int32 refuses %p, naming the format', (value) => {
    expect(errorsOf(int32, value).map((v) => v.message)).toEqual(['must be a valid int32']);
  });

  it.each([2 ** 53 + 2, -(2 ** 63), 2 ** 63 - 1024])('int64 takes %p', (value) => {
    expect(errorsOf(int64, value)).toEqual([]);
  });

  it.each([2 ** 63, -(2 ** 63) - 2048, 1e300])('int64 refuses %p', (value) => {
    expect(errorsOf(int64, value).map((v) => v.message)).toEqual(['must be a valid int64']);
  });
});

describe('sql-date-time: real calendar days and times of day', () => {
  const schema = { type: 'string', format: 'sql-date-time' };

  it.each(['2028-02-29 23:59:59', '1970-01-01 00:00:00', '2027-12-31 00:00:00'])('takes %p', (value) => {
    expect(errorsOf(schema, value)).toEqual([]);
  });

  it.each([
    '2027-13-45 99:99:99',
    '2027-02-29 10:00:00',
    '2027-04-31 10:00:00',
    '2027-00-10 10:00:00',
    '2027-10-03 24:00:00',
    '2027-10-03 10:60:00',
    '2027-10-03T10:30:00',
    '2027-10-03 10:30',
  ])('refuses %p', (value) => {
    expect(errorsOf(schema, value).map((v) => v.message)).toEqual(['must be a valid sql-date-time']);
  });

  it('orders by time for formatMinimum', () => {
    const bounded = { ...schema, formatMinimum: '1970-01-01 00:00:00' };
    expect(errorsOf(bounded, '1970-01-01 00:00:00')).toEqual([]);
    expect(errorsOf(bounded, '1969-12-31 23:59:59')).toHaveLength(1);
  });
});
