import { newAudit } from '../helpers/realism';
import { auditValue } from '../helpers/realism-walk';

/**
 * The generated-data sweep can fail: its audit finds each defect the issue reported (and the ones beside
 * them) in a record written to have them, and nothing in the same record written right.
 */
const SQL_DATE_TIME = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$',
  format: 'sql-date-time',
};
const SCHEMA = {
  type: 'object',
  properties: {
    due_date: SQL_DATE_TIME,
    created_at: { type: 'string' },
    createTime: { type: 'integer' },
    score: { type: 'integer', minimum: 0, maximum: 10 },
    description: { type: 'string' },
    actors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ip: { type: 'string' },
          country: { type: 'string', pattern: '^([A-Z]{2})?$' },
          geo: {
            type: 'object',
            properties: { latitude: { type: 'number' }, longitude: { type: 'number' } },
          },
        },
      },
    },
  },
};

const rulesFound = (record: unknown) => {
  const audit = newAudit();
  auditValue(audit, record, SCHEMA);
  return audit.defects.map((d) => `${d.rule} at ${d.at}`).sort();
};

describe('the audit of generated data', () => {
  it('finds the reported defects', () => {
    const record = {
      due_date: '7990-46-91 53:29:28',
      created_at: '2025-02-30T10:00:00Z',
      createTime: 877,
      score: 11,
      description: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
      actors: [
        { ip: '10.1.2.3', country: 'DE' },
        { ip: '51.159.103.236', country: 'US', geo: { latitude: 184.09, longitude: -77.4874 } },
        { ip: '20.65.193.78', country: 'usa' },
      ],
    };
    expect(rulesFound(record)).toEqual(
      [
        'invalid sql-date-time at $.due_date',
        'time that is not a real date at $.created_at',
        'epoch time outside 2000..2100 at $.createTime',
        'above maximum 10 at $.score',
        'lorem ipsum at $.description',
        'address that is not public at $.actors[0].ip',
        'address not in DE at $.actors[0]',
        'address not in US at $.actors[1]',
        'coordinates not in US at $.actors[1]',
        'coordinate outside ±90 at $.actors[1].geo.latitude',
        'does not match ^([A-Z]{2})?$ at $.actors[2].country',
        'country not in the table at $.actors[2]',
      ].sort(),
    );
  });

  it('finds nothing in the same record written right', () => {
    const record = {
      due_date: '2025-09-20 09:30:00',
      created_at: '2025-09-01T10:00:00Z',
      createTime: 1757000000,
      score: 10,
      description: 'Multiple failed logins were followed by a successful one from a new IP address.',
      actors: [
        { ip: '91.40.12.10', country: 'DE' },
        { ip: '20.65.193.78', country: 'US', geo: { latitude: 39.0438, longitude: -77.4874 } },
        { ip: '51.159.103.236', country: '' },
      ],
    };
    expect(rulesFound(record)).toEqual([]);
  });
});
