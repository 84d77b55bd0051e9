import { planChain, type ChainLink } from '../../../../src/contract/plan/chain';
import type { Operation } from '../../../../src/openapi';
import { byId, incidentOperations } from '../fixtures';
import { byKey, makeOperation, makeResource, parameter } from '../helpers';

const incident = makeResource({ name: 'incident' });
const all = incidentOperations();
const without = (...ids: string[]) => all.filter((op) => !ids.includes(op.operationId));

/** `label (operationId) present|absent [needs ok]` per link. */
const describeLinks = (links: ChainLink[]) =>
  links.map(
    (l) =>
      `${l.label} (${l.operation.operationId}) ${l.expectPresent ? 'present' : 'absent'}${l.needsOk ? ` needs ${l.needsOk}` : ''}`,
  );

describe('planChain', () => {
  it('chains create -> create another -> reads -> update -> read -> delete -> reads, in that order', () => {
    const chain = planChain(incident, all);
    expect(chain?.resource).toBe(incident);
    expect(describeLinks(chain?.links ?? [])).toEqual([
      'create (createIncident) present',
      'create another (createIncident) present',
      'read after create (getIncident) present',
      'list after create (listIncidents) present',
      'exists after create (incidentExists) present',
      'update (updateIncident) present',
      'read after update (getIncident) present needs update',
      'delete (deleteIncident) present',
      'read after delete (getIncident) absent needs delete',
      'list after delete (listIncidents) absent needs delete',
      'exists after delete (incidentExists) absent needs delete',
    ]);
    expect(chain?.links.map((l) => l.role)).toEqual([
      'create',
      'create-again',
      'read',
      'list',
      'exists',
      'update',
      'read',
      'delete',
      'read',
      'list',
      'exists',
    ]);
  });

  it('has no link for an action the resource lacks', () => {
    expect(
      describeLinks(planChain(incident, without('updateIncident', 'incidentExists'))?.links ?? []),
    ).toEqual([
      'create (createIncident) present',
      'create another (createIncident) present',
      'read after create (getIncident) present',
      'list after create (listIncidents) present',
      'delete (deleteIncident) present',
      'read after delete (getIncident) absent needs delete',
      'list after delete (listIncidents) absent needs delete',
    ]);
    expect(describeLinks(planChain(incident, without('deleteIncident', 'getIncident'))?.links ?? [])).toEqual(
      [
        'create (createIncident) present',
        'create another (createIncident) present',
        'list after create (listIncidents) present',
        'exists after create (incidentExists) present',
        'update (updateIncident) present',
      ],
    );
  });

  it('is two creates when nothing can read the entity back', () => {
    const chain = planChain(incident, [byId(all, 'createIncident')]);
    expect(describeLinks(chain?.links ?? [])).toEqual([
      'create (createIncident) present',
      'create another (createIncident) present',
    ]);
  });

  it('creates once when the client chooses the key: only server-made keys can repeat', () => {
    const clientKeyed = makeResource({ name: 'incident', id: { kind: 'client' } });
    expect(planChain(clientKeyed, all)?.links.map((l) => l.role)).toEqual([
      'create',
      'read',
      'list',
      'exists',
      'update',
      'read',
      'delete',
      'read',
      'list',
      'exists',
    ]);
  });

  it.each<[string, Parameters<typeof makeResource>[0]]>([
    ['a sequence', { name: 'incident', id: { kind: 'sequence', start: 1, step: 1 } }],
    ['a pattern', { name: 'incident', id: { kind: 'pattern', pattern: 'INC-{n}', start: 1 } }],
  ])('creates another when the server makes the key from %s', (_, init) => {
    expect(planChain(makeResource(init), [byId(all, 'createIncident')])?.links.map((l) => l.role)).toEqual([
      'create',
      'create-again',
    ]);
  });

  it.each<[string, Parameters<typeof planChain>[0], Operation[]]>([
    ['no create', incident, without('createIncident')],
    ['a key-less resource', makeResource({ name: 'incident', key: undefined }), all],
    ['a singleton the operations cannot configure', makeResource({ name: 'incident', singleton: true }), all],
    ['another resource', makeResource({ name: 'ticket' }), without('createTicket')],
  ])('has no chain for %s', (_, resource, operations) => {
    expect(planChain(resource, operations)).toBeUndefined();
  });

  it('leaves out a list or exists whose answer cannot tell presence', () => {
    const operations = all.map((op) =>
      op.operationId === 'listIncidents'
        ? { ...op, mock: { ...op.mock, response: { count: '$total' } } }
        : op.operationId === 'incidentExists'
          ? { ...op, mock: { ...op.mock, response: { ok: true } } }
          : op,
    );
    const roles = planChain(incident, operations)?.links.map((l) => l.role);
    expect(roles).toEqual(['create', 'create-again', 'read', 'update', 'read', 'delete', 'read']);
  });

  it('leaves out operations it cannot address with the key alone', () => {
    const scoped = makeOperation({
      operationId: 'getUserIncident',
      path: '/users/{userId}/incidents/{id}',
      parameters: [parameter('userId', 'path', { type: 'string' }), ...byKey().parameters],
      mock: { resource: 'incident', action: 'read', id: byKey().id },
    });
    const scopedList = makeOperation({
      operationId: 'listUserIncidents',
      path: '/users/{id}/incidents',
      parameters: byKey().parameters,
      mock: { resource: 'incident', action: 'list', id: byKey().id },
    });
    const operations = [scoped, scopedList, byId(all, 'createIncident')];
    expect(describeLinks(planChain(incident, operations)?.links ?? [])).toEqual([
      'create (createIncident) present',
      'create another (createIncident) present',
    ]);
  });

  it('prefers a GET read over a POST one', () => {
    const postRead = makeOperation({
      operationId: 'fetchIncident',
      method: 'post',
      path: '/incidents/{id}/fetch',
      parameters: byKey().parameters,
      mock: { resource: 'incident', action: 'read', id: byKey().id },
    });
    const operations = [byId(all, 'createIncident'), postRead, byId(all, 'getIncident')];
    expect(planChain(incident, operations)?.links.map((l) => l.operation.operationId)).toEqual([
      'createIncident',
      'createIncident',
      'getIncident',
    ]);
    expect(
      planChain(incident, [byId(all, 'createIncident'), postRead])?.links.map((l) => l.operation.operationId),
    ).toEqual(['createIncident', 'createIncident', 'fetchIncident']);
  });

  describe('of a singleton', () => {
    const jira = makeResource({ name: 'jira', singleton: true, key: undefined });
    const readJira = makeOperation({
      operationId: 'getJira',
      path: '/integrations/jira',
      mock: { resource: 'jira', action: 'read' },
    });

    it('configures it, then reads it back once the configure succeeded', () => {
      const chain = planChain(jira, [...all, readJira]);
      expect(chain?.resource).toBe(jira);
      expect(describeLinks(chain?.links ?? [])).toEqual([
        'configure (configureJira) present',
        'read after configure (getJira) present needs update',
      ]);
      expect(chain?.links.map((l) => l.role)).toEqual(['update', 'read']);
    });

    it('has none without a read to show the configuration', () => {
      expect(planChain(jira, all)).toBeUndefined();
    });

    it('has none without an upsert, even with a create and a read', () => {
      const settings = makeResource({ name: 'settings', singleton: true, key: undefined });
      expect(planChain(settings, all)).toBeUndefined();
    });
  });
});
