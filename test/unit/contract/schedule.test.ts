import { CredentialBook } from '../../../src/contract/plan/credentials';
import { orderForRun, scheduleRun, type Step } from '../../../src/contract/schedule';
import type { Aggregate, Operation, SpecModel } from '../../../src/openapi';
import { byId, incidentsSpec, tokenScheme } from './fixtures';
import { makeOperation, makeSpec } from './helpers';

/** A step as one line: what it is, what it uses, what it sets up first. */
function describeStep(step: Step): string {
  const setup = (s: { resource: string; operation: Operation }[]) =>
    s.length ? ` after ${s.map((x) => `${x.resource}:${x.operation.operationId}`).join(',')}` : '';
  switch (step.kind) {
    case 'login':
      return `login ${step.scheme.name} via ${step.operation.operationId}`;
    case 'discover':
      return `discover ${step.resource.name} via ${step.operation.operationId}`;
    case 'chain':
      return `chain ${step.chain.resource.name} (${step.chain.links.length} links)${setup(step.setup)}`;
    case 'operation':
      return `operation ${step.operation.operationId}${setup(step.setup)}`;
    case 'skip':
      return `skip ${step.operation.operationId}: ${step.reason}`;
    case 'aggregate':
      return `aggregate ${step.aggregate.name}`;
    case 'cleanup':
      return step.keep ? 'keep data' : 'clean up';
  }
}

const noEnv = {};
const bookFor = (specs: SpecModel[], given: Record<string, string> = {}, env: NodeJS.ProcessEnv = noEnv) =>
  new CredentialBook(specs, given, env);

function stepsOf(spec: SpecModel, options: { readOnly?: boolean; given?: Record<string, string> } = {}) {
  const schedule = scheduleRun([spec], spec.operations, {
    readOnly: options.readOnly ?? false,
    book: bookFor([spec], options.given),
  });
  return schedule.specs[0].steps.map(describeStep);
}

describe('scheduleRun', () => {
  const spec = incidentsSpec();

  it('logs in, discovers, runs the chains, verifies every operation (reads first, deletes last), cleans up', () => {
    expect(stepsOf(spec)).toEqual([
      'login token via login',
      'discover incident via listIncidents',
      'chain incident (11 links)',
      'chain ticket (2 links) after jira:configureJira',
      'operation listIncidents',
      'operation getIncident',
      'operation incidentExists',
      'operation getSettings',
      'operation listAudit',
      'operation login',
      'operation createIncident',
      'operation updateIncident',
      'operation createSettings',
      'operation createAudit',
      'operation configureJira',
      'operation createTicket after jira:configureJira',
      'operation deleteIncident',
      'clean up',
    ]);
  });

  it('holds the spec and the number of planned operations', () => {
    const schedule = scheduleRun([spec], spec.operations, { readOnly: false, book: bookFor([spec]) });
    expect(schedule.specs).toHaveLength(1);
    expect(schedule.specs[0].spec).toBe(spec);
    expect(schedule.specs[0].operations).toBe(spec.operations.length);
    const [login] = schedule.specs[0].steps;
    expect(login).toEqual({
      kind: 'login',
      scheme: spec.securitySchemes[0],
      operation: byId(spec.operations, 'login'),
    });
  });

  it.each<[string, SpecModel, Record<string, string>, NodeJS.ProcessEnv]>([
    ['a credential is given', spec, { token: 'given-token' }, noEnv],
    ['the environment has one', spec, {}, { SECMOCK_CREDENTIAL_TOKEN: 'env-token' }],
    [
      'the spec documents one',
      incidentsSpec({ securitySchemes: [tokenScheme({ credentials: [{ value: 'documented' }] })] }),
      {},
      noEnv,
    ],
    [
      'no operation issues it',
      incidentsSpec({ securitySchemes: [tokenScheme({ issuedBy: undefined })] }),
      {},
      noEnv,
    ],
    [
      'its login operation is not in the spec',
      incidentsSpec({
        securitySchemes: [tokenScheme({ issuedBy: { operationId: 'signIn', field: 'token' } })],
      }),
      {},
      noEnv,
    ],
  ])('has no login step when %s', (_, model, given, env) => {
    const schedule = scheduleRun([model], model.operations, {
      readOnly: false,
      book: bookFor([model], given, env),
    });
    const kinds = schedule.specs[0].steps.map((s) => s.kind);
    expect(kinds).not.toContain('login');
    expect(kinds.slice(0, 2)).toEqual(['discover', 'chain']);
  });

  it('logs in even when the login operation itself is not selected', () => {
    const planned = spec.operations.filter((op) => op.operationId === 'getIncident');
    const schedule = scheduleRun([spec], planned, { readOnly: false, book: bookFor([spec]) });
    expect(schedule.specs[0].steps.map(describeStep)).toEqual([
      'login token via login',
      'operation getIncident',
      'clean up',
    ]);
  });

  it('discovers only through a planned list of a keyed resource', () => {
    const planned = spec.operations.filter((op) => op.operationId !== 'listIncidents');
    const schedule = scheduleRun([spec], planned, { readOnly: false, book: bookFor([spec], { token: 't' }) });
    const steps = schedule.specs[0].steps.map(describeStep);
    expect(steps.filter((s) => s.startsWith('discover'))).toEqual([]);
    // Without the list, the chain loses its two list links.
    expect(steps).toContain('chain incident (9 links)');
  });

  it('with --read-only, runs no chain and skips every mutating operation', () => {
    expect(stepsOf(spec, { readOnly: true })).toEqual([
      'login token via login',
      'discover incident via listIncidents',
      'operation listIncidents',
      'operation getIncident',
      'operation incidentExists',
      'operation getSettings',
      'operation listAudit',
      'skip login: mutating operation (--read-only)',
      'skip createIncident: mutating operation (--read-only)',
      'skip updateIncident: mutating operation (--read-only)',
      'skip createSettings: mutating operation (--read-only)',
      'skip createAudit: mutating operation (--read-only)',
      'skip configureJira: mutating operation (--read-only)',
      'skip createTicket: mutating operation (--read-only)',
      'skip deleteIncident: mutating operation (--read-only)',
    ]);
  });

  it('with --read-only, sets nothing up before a read that requires a resource', () => {
    const read = makeOperation({
      specId: 'incidents',
      operationId: 'getTicketDefaults',
      path: '/tickets/defaults',
      mock: { resource: 'ticket', action: 'read', requires: ['jira'] },
    });
    const model = incidentsSpec({ operations: [...spec.operations, read] });
    const book = bookFor([model], { token: 't' });
    const steps = (readOnly: boolean) =>
      scheduleRun([model], [read], { readOnly, book }).specs[0].steps.map(describeStep);
    expect(steps(false)).toEqual(['operation getTicketDefaults after jira:configureJira', 'clean up']);
    expect(steps(true)).toEqual(['operation getTicketDefaults']);
  });

  it('sets up only resources some operation can create', () => {
    const orphan = makeOperation({
      specId: 'w',
      operationId: 'listWidgets',
      path: '/widgets',
      mock: { resource: 'widget', action: 'list', requires: ['gadget'] },
    });
    const model = makeSpec({ id: 'w', operations: [orphan] });
    const schedule = scheduleRun([model], [orphan], { readOnly: false, book: bookFor([model]) });
    expect(schedule.specs[0].steps).toEqual([
      { kind: 'operation', operation: orphan, setup: [], readOnly: false },
      { kind: 'cleanup', keep: false },
    ]);
  });

  it('schedules each spec on its own operations and drops specs with none planned', () => {
    const other = makeSpec({
      id: 'other',
      operations: [makeOperation({ specId: 'other', operationId: 'ping', path: '/ping' })],
    });
    const idle = makeSpec({
      id: 'idle',
      operations: [makeOperation({ specId: 'idle', operationId: 'noop' })],
    });
    const planned = [...other.operations, byId(spec.operations, 'getSettings')];
    const schedule = scheduleRun([spec, idle, other], planned, {
      readOnly: false,
      book: bookFor([spec, idle, other], { token: 't' }),
    });
    expect(schedule.specs.map((s) => [s.spec.id, s.operations, s.steps.map(describeStep)])).toEqual([
      ['incidents', 1, ['operation getSettings', 'clean up']],
      ['other', 1, ['operation ping', 'clean up']],
    ]);
  });

  it('tells each operation step whether the run is read-only', () => {
    const read = byId(spec.operations, 'getIncident');
    const book = bookFor([spec], { token: 't' });
    const operationSteps = (readOnly: boolean) =>
      scheduleRun([spec], [read], { readOnly, book }).specs[0].steps.filter((s) => s.kind === 'operation');
    expect(operationSteps(false)).toEqual([
      { kind: 'operation', operation: read, setup: [], readOnly: false },
    ]);
    expect(operationSteps(true)).toEqual([{ kind: 'operation', operation: read, setup: [], readOnly: true }]);
  });

  it('with --keep-data, ends with a cleanup that keeps what the run created', () => {
    const schedule = scheduleRun([spec], spec.operations, {
      readOnly: false,
      keepData: true,
      book: bookFor([spec], { token: 't' }),
    });
    expect(schedule.specs[0].steps.at(-1)).toEqual({ kind: 'cleanup', keep: true });
    expect(schedule.specs[0].steps.filter((s) => s.kind === 'cleanup')).toHaveLength(1);
  });

  describe('aggregates', () => {
    const events = makeOperation({ specId: 'incidents', operationId: 'countEvents', path: '/events/count' });
    const bySeverity = makeOperation({
      specId: 'incidents',
      operationId: 'countBySeverity',
      path: '/events/by-severity',
    });
    const aggregate: Aggregate = {
      name: 'events per severity',
      total: { operationId: 'countEvents', at: ['total'] },
      parts: [{ operationId: 'countBySeverity', at: ['counts[]', 'count'] }],
    };
    const model = incidentsSpec({
      operations: [...spec.operations, events, bySeverity],
      aggregates: [aggregate],
    });
    const book = bookFor([model], { token: 't' });

    it('checks a declared aggregate after the operations, before the cleanup', () => {
      const planned = [events, bySeverity];
      const steps = scheduleRun([model], planned, { readOnly: false, book }).specs[0].steps;
      expect(steps.map(describeStep)).toEqual([
        'operation countEvents',
        'operation countBySeverity',
        'aggregate events per severity',
        'clean up',
      ]);
      expect(steps[2]).toEqual({ kind: 'aggregate', aggregate, planned });
    });

    it('checks it with --read-only too, where nothing is cleaned up', () => {
      const steps = scheduleRun([model], [events, bySeverity], { readOnly: true, book }).specs[0].steps;
      expect(steps.map(describeStep)).toEqual([
        'operation countEvents',
        'operation countBySeverity',
        'aggregate events per severity',
      ]);
    });

    it('leaves it out when its total operation is not planned', () => {
      const steps = scheduleRun([model], [bySeverity], { readOnly: false, book }).specs[0].steps;
      expect(steps.map(describeStep)).toEqual(['operation countBySeverity', 'clean up']);
    });
  });
});

describe('orderForRun', () => {
  const op = (operationId: string, method: Operation['method'], action?: Operation['mock']['action']) =>
    makeOperation({ operationId, method, mock: action ? { action } : {} });

  it('puts reads first, then writes, deletes last, keeping the order within each', () => {
    const operations = [
      op('removeByPost', 'post', 'delete'),
      op('create', 'post', 'create'),
      op('plainDelete', 'delete'),
      op('plainGet', 'get'),
      op('search', 'post', 'list'),
      op('probe', 'head'),
      op('update', 'patch', 'update'),
      op('exists', 'post', 'exists'),
      op('action', 'post'),
      op('read', 'get', 'read'),
      op('getThatWrites', 'get', 'upsert'),
    ];
    expect(orderForRun(operations).map((o) => o.operationId)).toEqual([
      'plainGet',
      'search',
      'probe',
      'exists',
      'read',
      'create',
      'update',
      'action',
      'getThatWrites',
      'removeByPost',
      'plainDelete',
    ]);
  });

  it('does not reorder its input', () => {
    const operations = [op('d', 'delete'), op('r', 'get')];
    orderForRun(operations);
    expect(operations.map((o) => o.operationId)).toEqual(['d', 'r']);
  });
});
