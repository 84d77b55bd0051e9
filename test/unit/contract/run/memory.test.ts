import { RunMemory } from '../../../../src/contract/run/memory';
import type { CaseResponse, TestCase } from '../../../../src/contract/types';
import type { Operation, OperationAnnotation, SpecModel } from '../../../../src/openapi';
import { at } from '../../helpers/model';
import { byKey, makeOperation, makeResource, makeResponse, makeSpec, makeTestCase } from '../helpers';

const key = byKey();
const op = (operationId: string, method: Operation['method'], mock: Partial<OperationAnnotation>) =>
  makeOperation({
    operationId,
    method,
    path: mock.id ? '/incidents/{id}' : '/incidents',
    parameters: mock.id?.in === 'path' ? key.parameters : [],
    mock: { resource: 'incident', ...mock },
  });

const createIncident = op('createIncident', 'post', { action: 'create' });
const getIncident = op('getIncident', 'get', { action: 'read', id: key.id });
const findByName = op('findIncident', 'get', { action: 'read', id: at('query.name'), by: 'name' });
const updateIncident = op('updateIncident', 'patch', { action: 'update', id: key.id });
const renameIncident = op('renameIncident', 'patch', { action: 'update', id: at('query.name'), by: 'name' });
const deleteIncident = op('deleteIncident', 'delete', { action: 'delete', id: key.id });
const deleteByName = op('deleteByName', 'delete', { action: 'delete', id: at('query.name'), by: 'name' });
const createNote = makeOperation({
  operationId: 'createNote',
  method: 'post',
  mock: { resource: 'note', action: 'create' },
});
const getSettings = makeOperation({
  operationId: 'getSettings',
  mock: { resource: 'settings', action: 'read' },
});

const spec: SpecModel = makeSpec({
  operations: [
    createIncident,
    getIncident,
    findByName,
    updateIncident,
    renameIncident,
    deleteIncident,
    deleteByName,
  ],
  resources: [
    makeResource({ name: 'incident', secrets: ['apiToken', 'auth.token'] }),
    makeResource({ name: 'note', secrets: ['apiToken'] }),
    makeResource({ name: 'settings', singleton: true, key: undefined }),
  ],
});

const caseOf = (operation: Operation, init: Partial<TestCase> = {}) =>
  makeTestCase({ spec, operation, ...init });
const created = (id: unknown, fields: Record<string, unknown> = {}): CaseResponse =>
  makeResponse({ status: 201, body: { id, title: 'Disk full', ...fields } });
const write = (operation: Operation, body: unknown) =>
  caseOf(operation, {
    request: {
      method: operation.method,
      path: operation.path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  });

/** A memory that discovered inc-1 in a list, then created inc-9 and inc-10. */
function afterCreates(): RunMemory {
  const memory = new RunMemory();
  memory.learn(spec, 'incident', { id: 'inc-1', name: 'Discovered' });
  memory.remember(caseOf(createIncident), created('inc-9', { name: 'Mine' }));
  memory.remember(caseOf(createIncident), created('inc-10', { name: 'Mine too' }));
  return memory;
}

describe('RunMemory', () => {
  describe('keyFor', () => {
    it('knows no key before anything is learnt', () => {
      const memory = new RunMemory();
      expect([getIncident, updateIncident, deleteIncident].map((o) => memory.keyFor(spec, o))).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('addresses a discovered entity, in the field the operation looks it up by', () => {
      const memory = new RunMemory();
      memory.learn(spec, 'incident', { id: 'inc-1', name: 'Discovered' });
      expect(memory.keyFor(spec, getIncident)).toBe('inc-1');
      expect(memory.keyFor(spec, findByName)).toBe('Discovered');
      // Nothing of its own yet: a write addresses the discovered one too.
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-1');
    });

    it('lets writes address the run’s own latest entity, and reads the discovered one', () => {
      const memory = afterCreates();
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-10');
      expect(memory.keyFor(spec, deleteIncident)).toBe('inc-10');
      expect(memory.keyFor(spec, getIncident)).toBe('inc-1');
      expect(memory.keyFor(spec, findByName)).toBe('Discovered');
    });

    it('lets a write by another field than the key address the discovered entity', () => {
      expect(afterCreates().keyFor(spec, renameIncident)).toBe('Discovered');
    });

    it('knows the first created entity when none was discovered', () => {
      const memory = new RunMemory();
      memory.remember(caseOf(createIncident), created('inc-9', { name: 'Mine' }));
      memory.remember(caseOf(createIncident), created('inc-10'));
      expect(memory.keyFor(spec, getIncident)).toBe('inc-9');
      expect(memory.keyFor(spec, findByName)).toBe('Mine');
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-10');
    });

    it('has no key for a resource without one, or an operation of no resource', () => {
      const memory = afterCreates();
      memory.learn(spec, 'settings', { id: 's' });
      expect(memory.keyFor(spec, getSettings)).toBeUndefined();
      expect(memory.keyFor(spec, makeOperation({ operationId: 'ping' }))).toBeUndefined();
    });
  });

  describe('remember', () => {
    it.each<[string, CaseResponse]>([
      ['a refused create', makeResponse({ status: 409, body: { id: 'inc-9' } })],
      ['a create that failed', makeResponse({ status: 500, body: { id: 'inc-9' } })],
      ['a create answered without a key', makeResponse({ status: 201, body: { title: 'Disk full' } })],
    ])('owns nothing after %s', (_, response) => {
      const memory = new RunMemory();
      memory.remember(caseOf(createIncident), response);
      expect(memory.leftovers(spec)).toEqual([]);
      expect(memory.keyFor(spec, updateIncident)).toBeUndefined();
    });

    it('owns nothing answered with a null key', () => {
      const memory = new RunMemory();
      memory.remember(caseOf(createIncident), makeResponse({ status: 201, body: { id: null, title: 't' } }));
      expect(memory.leftovers(spec)).toEqual([]);
      expect(memory.keyFor(spec, getIncident)).toBeUndefined();
    });

    it('forgets its own entity once deleted, and writes go back to the one before', () => {
      const memory = afterCreates();
      memory.remember(
        caseOf(deleteIncident, { key: 'inc-10' }),
        makeResponse({ status: 204, body: undefined }),
      );
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-9');
      expect(memory.keyFor(spec, getIncident)).toBe('inc-1');
      memory.remember(
        caseOf(deleteIncident, { key: 'inc-9' }),
        makeResponse({ status: 204, body: undefined }),
      );
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-1');
      expect(memory.leftovers(spec)).toEqual([]);
    });

    it('forgets a deleted key given as text for a number', () => {
      const memory = new RunMemory();
      memory.remember(caseOf(createIncident), created(42));
      memory.remember(caseOf(deleteIncident, { key: '42' }), makeResponse({ status: 200 }));
      expect(memory.leftovers(spec)).toEqual([]);
    });

    it('forgets nothing when the delete failed, or addressed no key', () => {
      const memory = afterCreates();
      memory.remember(caseOf(deleteIncident, { key: 'inc-10' }), makeResponse({ status: 404 }));
      memory.remember(caseOf(deleteIncident), makeResponse({ status: 204, body: undefined }));
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-10');
      expect(memory.leftovers(spec)[0].keys).toEqual(['inc-9', 'inc-10']);
    });

    it('forgets the discovered entity when a delete addressed it, keeping its own', () => {
      const memory = afterCreates();
      memory.remember(
        caseOf(deleteIncident, { key: 'inc-1' }),
        makeResponse({ status: 204, body: undefined }),
      );
      expect(memory.keyFor(spec, getIncident)).toBeUndefined();
      expect(memory.keyFor(spec, updateIncident)).toBe('inc-10');
    });

    it('forgets by the field a delete addresses: the discovered entity by name, its own untouched', () => {
      const memory = afterCreates();
      memory.remember(
        caseOf(deleteByName, { key: 'Discovered' }),
        makeResponse({ status: 204, body: undefined }),
      );
      expect(memory.keyFor(spec, findByName)).toBeUndefined();
      expect(memory.leftovers(spec)[0].keys).toEqual(['inc-9', 'inc-10']);
    });
  });

  describe('leftovers', () => {
    it('lists what the run created and did not delete, per resource of the spec, oldest first', () => {
      const memory = afterCreates();
      memory.remember(caseOf(createNote), created('note-1'));
      expect(memory.leftovers(spec)).toEqual([
        { resource: spec.resources[0], keys: ['inc-9', 'inc-10'] },
        { resource: spec.resources[1], keys: ['note-1'] },
      ]);
    });

    it('keeps the resources of two specs apart, even when they share a name', () => {
      const other = makeSpec({ id: 'other', resources: spec.resources, operations: spec.operations });
      const memory = new RunMemory();
      memory.remember(caseOf(createIncident), created('A-1'));
      memory.remember(makeTestCase({ spec: other, operation: createIncident }), created('B-1'));
      expect(memory.leftovers(spec).map((l) => l.keys)).toEqual([['A-1']]);
      expect(memory.leftovers(other).map((l) => l.keys)).toEqual([['B-1']]);
      memory.learn(spec, 'incident', { id: 'inc-a' });
      expect(memory.keyFor(other, getIncident)).toBe('B-1');
      expect(memory.keyFor(spec, getIncident)).toBe('inc-a');
    });

    it('lists nothing that was only discovered, and nothing of another spec', () => {
      const memory = new RunMemory();
      memory.learn(spec, 'incident', { id: 'inc-1' });
      expect(memory.leftovers(spec)).toEqual([]);
      memory.remember(caseOf(createIncident), created('inc-9'));
      expect(memory.leftovers(makeSpec({ id: 'other', resources: spec.resources }))).toEqual([]);
    });

    it('hands out a copy: the caller cannot change what the memory holds', () => {
      const memory = afterCreates();
      memory.leftovers(spec)[0].keys.length = 0;
      expect(memory.leftovers(spec)[0].keys).toEqual(['inc-9', 'inc-10']);
    });
  });

  describe('secretsFor', () => {
    const TOKEN = 'tok-123456789';

    it('collects the values a write sent in its resource’s secret fields, this one’s included', () => {
      const memory = new RunMemory();
      expect(memory.secretsFor(write(createIncident, { title: 'a', apiToken: TOKEN }))).toEqual([TOKEN]);
      expect(memory.secretsFor(caseOf(getIncident))).toEqual([TOKEN]);
      expect(memory.secretsFor(write(updateIncident, { auth: { token: 'nested-secret-1' } }))).toEqual([
        TOKEN,
        'nested-secret-1',
      ]);
      // The same value again is one secret.
      expect(memory.secretsFor(write(updateIncident, { apiToken: TOKEN }))).toEqual([
        TOKEN,
        'nested-secret-1',
      ]);
    });

    it('reads the secret fields in the entity where the write’s `entity` annotation puts it', () => {
      const wrapped = op('createWrapped', 'post', { action: 'create', entity: at('body.incident') });
      const memory = new RunMemory();
      expect(
        memory.secretsFor(write(wrapped, { apiToken: 'outside-entity', incident: { apiToken: TOKEN } })),
      ).toEqual([TOKEN]);
    });

    it.each<[string, unknown]>([
      ['a short value', { apiToken: 'short' }],
      ['a masked value', { apiToken: 'tok-****-6789' }],
      [
        'a value also sent in another field (a placeholder)',
        { apiToken: 'string-value', title: 'string-value' },
      ],
      ['a value that is no text', { apiToken: 123456789012 }],
      ['no secret field sent', { title: 'Disk full' }],
    ])('ignores %s', (_, body) => {
      expect(new RunMemory().secretsFor(write(createIncident, body))).toEqual([]);
    });

    it('keeps the secrets of each resource apart, and collects none from a read', () => {
      const memory = new RunMemory();
      memory.secretsFor(write(createNote, { apiToken: 'note-secret-1' }));
      expect(memory.secretsFor(write(getIncident, { apiToken: TOKEN }))).toEqual([]);
      expect(memory.secretsFor(caseOf(createNote))).toEqual(['note-secret-1']);
    });

    it('has none for a resource that declares no secret', () => {
      const writeSettings = makeOperation({
        operationId: 'putSettings',
        method: 'put',
        mock: { resource: 'settings', action: 'upsert' },
      });
      expect(new RunMemory().secretsFor(write(writeSettings, { apiToken: TOKEN }))).toEqual([]);
    });
  });
});
