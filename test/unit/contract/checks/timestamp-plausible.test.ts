import { timestampPlausible } from '../../../../src/contract/checks/timestamp-plausible';
import type { CaseResponse, Failure } from '../../../../src/contract/types';
import type { ClockFormat, Operation, ResourceSpec } from '../../../../src/openapi';
import {
  ACCEPT_STRICT,
  NO_ANSWER,
  checkInput,
  fakeTools,
  makeOperation,
  makeResource,
  makeResponse,
  makeSpec,
} from '../helpers';

const JAN_2025_S = Date.UTC(2025, 0, 1) / 1000;
const JAN_2025_MS = Date.UTC(2025, 0, 1);

const resource = (clock: ClockFormat, init: Partial<ResourceSpec> = {}) =>
  makeResource({
    name: 'event',
    clock,
    created: 'createdAt',
    updated: 'updatedAt',
    times: ['seenAt'],
    ...init,
  });

const getEvent = makeOperation({
  operationId: 'getEvent',
  path: '/events/{id}',
  mock: { resource: 'event', action: 'read', response: { data: '$entity' } },
});
const listEvents = makeOperation({
  operationId: 'listEvents',
  path: '/events',
  mock: { resource: 'event', action: 'list', response: { events: '$items', total: '$total' } },
});

const run = (operation: Operation, events: ResourceSpec | undefined, response: CaseResponse) =>
  timestampPlausible.run(
    checkInput(ACCEPT_STRICT, response, {
      operation,
      spec: makeSpec({ operations: [operation], resources: events ? [events] : [] }),
    }),
    fakeTools(),
  );
const one = (entity: unknown) => makeResponse({ body: { data: entity } });
const many = (...entities: unknown[]) => makeResponse({ body: { events: entities, total: entities.length } });

const SECONDS = 'epoch seconds between 2000 and 2100';
const MILLISECONDS = 'epoch milliseconds between 2000 and 2100';
const ISO = 'an ISO 8601 date-time between 2000 and 2100';
const SQL = 'a YYYY-MM-DD HH:MM:SS date-time between 2000 and 2100';

describe('timestamp_plausible check', () => {
  it.each<[string, Operation, ResourceSpec | undefined, CaseResponse, Failure[] | undefined]>([
    ['an operation of no resource: does not apply', getEvent, undefined, one({ createdAt: 1 }), undefined],
    [
      'a resource without timestamps: does not apply',
      getEvent,
      resource('epoch-s', { created: undefined, updated: undefined, times: [] }),
      one({ createdAt: 1 }),
      undefined,
    ],
    ['no answer: does not apply', getEvent, resource('epoch-s'), NO_ANSWER, undefined],
    ['a refusal: does not apply', getEvent, resource('epoch-s'), makeResponse({ status: 404 }), undefined],
    ['no entity where the contract puts it', getEvent, resource('epoch-s'), one('evt-1'), undefined],
    [
      'no list where the contract puts it',
      listEvents,
      resource('epoch-s'),
      makeResponse({ body: {} }),
      undefined,
    ],
    [
      'an operation whose answer carries no entity',
      makeOperation({
        operationId: 'count',
        mock: { resource: 'event', action: 'read', response: { n: 1 } },
      }),
      resource('epoch-s'),
      makeResponse({ body: { n: 1 } }),
      undefined,
    ],
    [
      'epoch seconds',
      getEvent,
      resource('epoch-s'),
      one({ createdAt: JAN_2025_S, updatedAt: String(JAN_2025_S), seenAt: JAN_2025_S + 60 }),
      [],
    ],
    [
      '0 (never), null, empty and missing are left alone',
      getEvent,
      resource('epoch-s'),
      one({ createdAt: 0, updatedAt: null, seenAt: '' }),
      [],
    ],
    [
      'milliseconds for seconds',
      getEvent,
      resource('epoch-s'),
      one({ createdAt: JAN_2025_MS, updatedAt: JAN_2025_S }),
      [{ path: 'body.data.createdAt', expected: SECONDS, actual: String(JAN_2025_MS) }],
    ],
    [
      'seconds for milliseconds',
      getEvent,
      resource('epoch-ms'),
      one({ createdAt: JAN_2025_MS, seenAt: JAN_2025_S }),
      [{ path: 'body.data.seenAt', expected: MILLISECONDS, actual: String(JAN_2025_S) }],
    ],
    [
      'a date-time text in an epoch clock',
      getEvent,
      resource('epoch-s'),
      one({ createdAt: '2025-01-01T00:00:00Z' }),
      [{ path: 'body.data.createdAt', expected: SECONDS, actual: '"2025-01-01T00:00:00Z"' }],
    ],
    [
      'ISO date-times',
      getEvent,
      resource('iso'),
      one({ createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-06-01T12:30:00.123+02:00' }),
      [],
    ],
    [
      'ISO date-times of the epoch, year one, and none',
      getEvent,
      resource('iso'),
      one({ createdAt: '1970-01-01T00:00:00Z', updatedAt: '0001-01-01T00:00:00Z', seenAt: 'yesterday' }),
      [
        { path: 'body.data.createdAt', expected: ISO, actual: '"1970-01-01T00:00:00Z"' },
        { path: 'body.data.updatedAt', expected: ISO, actual: '"0001-01-01T00:00:00Z"' },
        { path: 'body.data.seenAt', expected: ISO, actual: '"yesterday"' },
      ],
    ],
    [
      'a number in an ISO clock',
      getEvent,
      resource('iso'),
      one({ createdAt: JAN_2025_MS }),
      [{ path: 'body.data.createdAt', expected: ISO, actual: String(JAN_2025_MS) }],
    ],
    ['SQL date-times', getEvent, resource('sql'), one({ createdAt: '2025-01-01 00:00:00' }), []],
    [
      'a SQL date-time in 2100',
      getEvent,
      resource('sql'),
      one({ createdAt: '2100-01-01 00:00:00' }),
      [{ path: 'body.data.createdAt', expected: SQL, actual: '"2100-01-01 00:00:00"' }],
    ],
    [
      'each item of a list',
      listEvents,
      resource('epoch-s'),
      many({ createdAt: JAN_2025_S }, 'not an entity', { createdAt: JAN_2025_MS }),
      [{ path: 'body.events[2].createdAt', expected: SECONDS, actual: String(JAN_2025_MS) }],
    ],
    [
      'at most five reported',
      listEvents,
      resource('epoch-s'),
      many(...Array.from({ length: 3 }, () => ({ createdAt: JAN_2025_MS, updatedAt: JAN_2025_MS }))),
      [
        { path: 'body.events[0].createdAt', expected: SECONDS, actual: String(JAN_2025_MS) },
        { path: 'body.events[0].updatedAt', expected: SECONDS, actual: String(JAN_2025_MS) },
        { path: 'body.events[1].createdAt', expected: SECONDS, actual: String(JAN_2025_MS) },
        { path: 'body.events[1].updatedAt', expected: SECONDS, actual: String(JAN_2025_MS) },
        { path: 'body.events[2].createdAt', expected: SECONDS, actual: String(JAN_2025_MS) },
      ],
    ],
  ])('%s', (_, operation, events, response, failures) => {
    expect(run(operation, events, response)).toEqual(failures);
  });
});
