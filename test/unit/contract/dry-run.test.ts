import { describeSchedule } from '../../../src/contract/dry-run';
import { CredentialBook } from '../../../src/contract/plan/credentials';
import { scheduleRun } from '../../../src/contract/schedule';
import type { SpecModel } from '../../../src/openapi';
import { incidentsSpec } from './fixtures';
import { at } from '../helpers/model';
import { byKey, makeOperation, makeSpec, parameter, response } from './helpers';

function dryRun(
  specs: SpecModel[],
  options: { readOnly?: boolean; keepData?: boolean; given?: Record<string, string> } = {},
) {
  const book = new CredentialBook(specs, options.given ?? {}, {});
  const operations = specs.flatMap((s) => s.operations);
  const schedule = scheduleRun(specs, operations, {
    readOnly: options.readOnly ?? false,
    keepData: options.keepData,
    book,
  });
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
      '  chain incident: create -> create another -> read after create -> list after create -> ' +
        'exists after create -> update -> read after update -> delete -> read after delete -> ' +
        'list after delete -> exists after delete',
      '  chain ticket: create -> create another (after configuring jira)',
      '  GET    /incidents (listIncidents): 1 positive, 0 negative, 0 auth',
      '  GET    /incidents/{id} (getIncident): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  GET    /incidents/{id}/exists (incidentExists): 1 positive, 0 negative, 0 auth',
      '  GET    /settings (getSettings): 1 positive, 0 negative, 0 auth',
      '  GET    /audit (listAudit): 1 positive, 0 negative, 0 auth',
      '  POST   /auth/token (login): 1 positive, 4 negative, 0 auth',
      '  POST   /incidents (createIncident): 2 positive, 7 negative, 0 auth',
      '  PATCH  /incidents/{id} (updateIncident): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  POST   /settings (createSettings): 1 positive, 0 negative, 0 auth',
      '  POST   /audit (createAudit): 1 positive, 0 negative, 0 auth',
      '  PUT    /integrations/jira (configureJira): 1 positive, 0 negative, 0 auth',
      '  POST   /tickets (createTicket): 1 positive, 0 negative, 0 auth (after configuring jira)',
      '  DELETE /incidents/{id} (deleteIncident): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  clean up: delete what the run created',
    ]);
  });

  it('counts auth cases when a credential is known, and prints skipped operations with --read-only', () => {
    const { schedule, lines } = dryRun([incidentsSpec()], { readOnly: true, given: { token: 'secret' } });
    expect(lines).toHaveLength(1 + schedule.specs[0].steps.length);
    expect(lines).toEqual([
      'incidents (13 operations)',
      '  discover incident with listIncidents',
      '  GET    /incidents (listIncidents): 1 positive, 0 negative, 2 auth',
      '  GET    /incidents/{id} (getIncident): 1 positive, 0 negative, 2 auth; probes: unknown id',
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
      '  clean up: delete what the run created',
      'two (2 operations)',
      '  GET    /a (a): 1 positive, 0 negative, 0 auth',
      '  GET    /b (b): 1 positive, 0 negative, 0 auth',
      '  clean up: delete what the run created',
    ]);
  });

  it('lists the probes of a list: pages when it has a limit, each filter, its time window', () => {
    const list = makeOperation({
      specId: 'events',
      operationId: 'listEvents',
      path: '/events',
      parameters: [
        parameter('limit', 'query', { type: 'integer' }),
        parameter('status', 'query', { type: 'string' }),
        parameter('from', 'query', { type: 'string' }),
        parameter('to', 'query', { type: 'string' }),
      ],
      mock: {
        resource: 'event',
        action: 'list',
        page: { limit: at('query.limit') },
        filters: [
          { param: at('query.status'), field: 'status', match: 'equals' },
          { param: at('body.owner.name'), field: 'owner', match: 'prefix' },
        ],
        window: { from: at('query.from'), to: at('query.to'), field: 'time' },
      },
    });
    const bare = makeOperation({
      specId: 'events',
      operationId: 'listAll',
      path: '/all',
      mock: { resource: 'event', action: 'list', page: { offset: at('query.offset') } },
    });
    const spec = makeSpec({ id: 'events', operations: [list, bare] });
    expect(dryRun([spec], { readOnly: true }).lines).toEqual([
      'events (2 operations)',
      '  GET    /events (listEvents): 1 positive, 1 negative, 0 auth; ' +
        'probes: pages, filter query.status, filter body.owner.name, time window',
      '  GET    /all (listAll): 1 positive, 0 negative, 0 auth',
    ]);
  });

  it('probes an unknown id of a by-id read always, of a write only when the run writes', () => {
    const key = byKey();
    const read = makeOperation({
      specId: 'n',
      operationId: 'getNote',
      path: '/notes/{id}',
      parameters: key.parameters,
      mock: { resource: 'note', action: 'read', id: key.id },
    });
    const lookup = makeOperation({
      specId: 'n',
      operationId: 'lookupNote',
      path: '/lookup/{id}',
      parameters: key.parameters,
      mock: { resource: 'note', action: 'read', id: key.id, answersAnyId: true },
    });
    const single = makeOperation({
      specId: 'n',
      operationId: 'getCurrent',
      path: '/current',
      mock: { resource: 'note', action: 'read' },
    });
    const remove = makeOperation({
      specId: 'n',
      operationId: 'deleteNote',
      method: 'delete',
      path: '/notes/{id}',
      parameters: key.parameters,
      responses: [response('204', { content: [] })],
      mock: { resource: 'note', action: 'delete', id: key.id },
    });
    const spec = makeSpec({ id: 'n', operations: [read, lookup, single, remove] });
    expect(dryRun([spec]).lines).toEqual([
      'n (4 operations)',
      '  GET    /notes/{id} (getNote): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  GET    /lookup/{id} (lookupNote): 1 positive, 0 negative, 0 auth',
      '  GET    /current (getCurrent): 1 positive, 0 negative, 0 auth',
      '  DELETE /notes/{id} (deleteNote): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  clean up: delete what the run created',
    ]);
    expect(dryRun([spec], { readOnly: true }).lines).toEqual([
      'n (4 operations)',
      '  GET    /notes/{id} (getNote): 1 positive, 0 negative, 0 auth; probes: unknown id',
      '  GET    /lookup/{id} (lookupNote): 1 positive, 0 negative, 0 auth',
      '  GET    /current (getCurrent): 1 positive, 0 negative, 0 auth',
      '  DELETE /notes/{id} (deleteNote): skipped, mutating operation (--read-only)',
    ]);
  });

  it('prints a declared aggregate, and a cleanup that keeps the data with --keep-data', () => {
    const total = makeOperation({ specId: 'a', operationId: 'countEvents', path: '/count' });
    const part = makeOperation({ specId: 'a', operationId: 'countBySeverity', path: '/by-severity' });
    const spec = makeSpec({
      id: 'a',
      operations: [total, part],
      aggregates: [
        {
          name: 'events per severity',
          total: { operationId: 'countEvents', at: ['total'] },
          parts: [
            { operationId: 'countBySeverity', at: ['counts[]', 'count'] },
            { operationId: 'countEvents', at: ['bySeverity[]', 'n'] },
          ],
        },
      ],
    });
    expect(dryRun([spec], { keepData: true }).lines).toEqual([
      'a (2 operations)',
      '  GET    /count (countEvents): 1 positive, 0 negative, 0 auth',
      '  GET    /by-severity (countBySeverity): 1 positive, 0 negative, 0 auth',
      '  aggregate events per severity: countBySeverity, countEvents against countEvents',
      '  keep what the run created (--keep-data)',
    ]);
  });

  it('prints the same plan for the same seed', () => {
    expect(dryRun([incidentsSpec()]).lines).toEqual(dryRun([incidentsSpec()]).lines);
  });
});
