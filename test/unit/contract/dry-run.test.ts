import { describeSchedule } from '../../../src/contract/dry-run';
import { CredentialBook } from '../../../src/contract/plan/credentials';
import { scheduleRun } from '../../../src/contract/schedule';
import type { SpecModel } from '../../../src/openapi';
import { incidentsSpec } from './fixtures';
import { makeOperation, makeSpec } from './helpers';

function dryRun(specs: SpecModel[], options: { readOnly?: boolean; given?: Record<string, string> } = {}) {
  const book = new CredentialBook(specs, options.given ?? {}, {});
  const operations = specs.flatMap((s) => s.operations);
  const schedule = scheduleRun(specs, operations, { readOnly: options.readOnly ?? false, book });
  return { schedule, lines: describeSchedule(schedule, book, 1) };
}

describe('describeSchedule', () => {
  it('prints a header per spec and exactly one line per scheduled step', () => {
    const { schedule, lines } = dryRun([incidentsSpec()]);
    expect(lines).toHaveLength(1 + schedule.specs[0].steps.length);
    expect(lines).toEqual([
      'incidents (13 operations)',
      '  login token with login',
      '  discover incident with listIncidents',
      '  chain incident: create -> read after create -> list after create -> exists after create -> update -> ' +
        'read after update -> delete -> read after delete -> list after delete -> exists after delete',
      '  chain ticket: create (after configuring jira)',
      '  GET    /incidents (listIncidents): 1 positive, 0 negative, 0 auth',
      '  GET    /incidents/{id} (getIncident): 1 positive, 0 negative, 0 auth',
      '  GET    /incidents/{id}/exists (incidentExists): 1 positive, 0 negative, 0 auth',
      '  GET    /settings (getSettings): 1 positive, 0 negative, 0 auth',
      '  GET    /audit (listAudit): 1 positive, 0 negative, 0 auth',
      '  POST   /auth/token (login): 1 positive, 4 negative, 0 auth',
      '  POST   /incidents (createIncident): 2 positive, 7 negative, 0 auth',
      '  PATCH  /incidents/{id} (updateIncident): 1 positive, 0 negative, 0 auth',
      '  POST   /settings (createSettings): 1 positive, 0 negative, 0 auth',
      '  POST   /audit (createAudit): 1 positive, 0 negative, 0 auth',
      '  PUT    /integrations/jira (configureJira): 1 positive, 0 negative, 0 auth',
      '  POST   /tickets (createTicket): 1 positive, 0 negative, 0 auth (after configuring jira)',
      '  DELETE /incidents/{id} (deleteIncident): 1 positive, 0 negative, 0 auth',
    ]);
  });

  it('counts auth cases when a credential is known, and prints skipped operations with --read-only', () => {
    const { schedule, lines } = dryRun([incidentsSpec()], { readOnly: true, given: { token: 'secret' } });
    expect(lines).toHaveLength(1 + schedule.specs[0].steps.length);
    expect(lines).toEqual([
      'incidents (13 operations)',
      '  discover incident with listIncidents',
      '  GET    /incidents (listIncidents): 1 positive, 0 negative, 2 auth',
      '  GET    /incidents/{id} (getIncident): 1 positive, 0 negative, 2 auth',
      '  GET    /incidents/{id}/exists (incidentExists): 1 positive, 0 negative, 2 auth',
      '  GET    /settings (getSettings): 1 positive, 0 negative, 2 auth',
      '  GET    /audit (listAudit): 1 positive, 0 negative, 2 auth',
      '  POST   /auth/token (login): skipped, mutating operation (--read-only)',
      '  POST   /incidents (createIncident): skipped, mutating operation (--read-only)',
      '  PATCH  /incidents/{id} (updateIncident): skipped, mutating operation (--read-only)',
      '  POST   /settings (createSettings): skipped, mutating operation (--read-only)',
      '  POST   /audit (createAudit): skipped, mutating operation (--read-only)',
      '  PUT    /integrations/jira (configureJira): skipped, mutating operation (--read-only)',
      '  POST   /tickets (createTicket): skipped, mutating operation (--read-only)',
      '  DELETE /incidents/{id} (deleteIncident): skipped, mutating operation (--read-only)',
    ]);
  });

  it('heads each spec with its own operation count', () => {
    const one = makeSpec({ id: 'one', operations: [makeOperation({ specId: 'one', operationId: 'ping' })] });
    const two = makeSpec({
      id: 'two',
      operations: [
        makeOperation({ specId: 'two', operationId: 'a', path: '/a' }),
        makeOperation({ specId: 'two', operationId: 'b', path: '/b' }),
      ],
    });
    expect(dryRun([one, two]).lines).toEqual([
      'one (1 operations)',
      '  GET    /items (ping): 1 positive, 0 negative, 0 auth',
      'two (2 operations)',
      '  GET    /a (a): 1 positive, 0 negative, 0 auth',
      '  GET    /b (b): 1 positive, 0 negative, 0 auth',
    ]);
  });

  it('prints the same plan for the same seed', () => {
    expect(dryRun([incidentsSpec()]).lines).toEqual(dryRun([incidentsSpec()]).lines);
  });
});
