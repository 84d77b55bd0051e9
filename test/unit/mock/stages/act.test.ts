import type { Operation, SecuritySchemeSpec } from '../../../../src/openapi/model';
import { ok } from '../../../../src/mock/outcome';
import type { BehaviourContext } from '../../../../src/mock/plugin';
import { act } from '../../../../src/mock/stages/act';
import { CLOCK_START, makeParts } from '../../helpers/engine-parts';
import { bearerScheme, makeOperation, makeResource, makeResponse, makeSpec } from '../../helpers/model';
import { validatedRequest } from '../../helpers/requests';

const notes = makeResource({
  name: 'notes',
  key: 'id',
  id: { kind: 'sequence', start: 1, step: 1 },
  created: 'createdAt',
});
const settings = makeResource({ name: 'settings', key: undefined, singleton: true });
const createNote = makeOperation({
  operationId: 'createNote',
  method: 'post',
  path: '/notes',
  responses: [makeResponse('201')],
  mock: { resource: 'notes', action: 'create' },
});
const exportNotes = makeOperation({
  operationId: 'exportNotes',
  path: '/notes/export',
  responses: [makeResponse('200', { examples: { all: { exported: 3 } } })],
  mock: { requires: ['settings', 'notes'] },
});
const jwt: SecuritySchemeSpec = {
  ...bearerScheme('jwt'),
  issuedBy: { operationId: 'login', field: 'token' },
};
const login = makeOperation({
  operationId: 'login',
  method: 'post',
  path: '/login',
  responses: [makeResponse('200', { examples: { ok: { user: 'u' } } })],
});
const spec = makeSpec({
  operations: [createNote, exportNotes, login],
  resources: [notes, settings],
  securitySchemes: [jwt],
});

function parts(options: { maxCollectionSize?: number } = {}) {
  return makeParts(spec, options);
}

describe('act', () => {
  it('refuses an operation whose required resources are not configured, naming each', () => {
    const p = parts();
    expect(act(p, spec, exportNotes, validatedRequest())).toEqual({
      kind: 'fail',
      error: 'precondition',
      messages: ['settings is not configured', 'notes is not configured'],
    });
    p.store.collection('settings').put('$', { mode: 'on' });
    expect(act(p, spec, exportNotes, validatedRequest())).toMatchObject({
      kind: 'fail',
      messages: ['notes is not configured'],
    });
    p.store.collection('notes').put(1, { id: 1 });
    expect(act(p, spec, exportNotes, validatedRequest())).toEqual({
      kind: 'ok',
      status: 200,
      body: { exported: 3 },
    });
  });

  it('runs the generic action when the module has no behaviour for the operation', () => {
    const p = parts();
    const outcome = act(p, spec, createNote, validatedRequest({ body: { title: 't' } }));
    expect(outcome).toEqual({ kind: 'ok', body: { id: 1, title: 't', createdAt: '2025-09-09T18:00:01Z' } });
    expect(p.store.collection('notes').get(1)).toEqual({
      id: 1,
      title: 't',
      createdAt: '2025-09-09T18:00:01Z',
    });
    expect(p.clock.now()).toBe(CLOCK_START + 1000);
  });

  it('refuses a create into a full collection with a conflict, also one a behaviour performs, undoing its writes', () => {
    const p = parts({ maxCollectionSize: 1 });
    p.store.collection('notes').put(1, { id: 1 });
    p.behaviours.set(createNote, (ctx) => {
      ctx.store.collection('audit').put('a', { note: 2 });
      ctx.store.collection('notes').put(2, { id: 2 });
      return ok({ id: 2 });
    });
    const outcome = act(p, spec, createNote, validatedRequest({ body: {} }));
    expect(outcome).toMatchObject({ kind: 'fail', error: 'conflict' });
    expect(outcome.kind === 'fail' && outcome.messages[0]).toContain('maximum of 1');
    expect(p.store.collection('notes').size).toBe(1);
    expect(p.store.collection('audit').size).toBe(0);
  });

  it("answers with the module's behaviour instead of the generic action", () => {
    const p = parts();
    p.behaviours.set(createNote, () => ok({ custom: true }, 202));
    expect(act(p, spec, createNote, validatedRequest({ body: { title: 't' } }))).toEqual(
      ok({ custom: true }, 202),
    );
    expect(p.store.collection('notes').size).toBe(0);
  });

  it('gives the behaviour the request, the resource and the generic engine to build on', () => {
    const p = parts();
    let seen: BehaviourContext | undefined;
    p.behaviours.set(createNote, (ctx) => {
      seen = ctx;
      const generic = ctx.generic();
      return generic.kind === 'ok'
        ? ok({
            wrapped: generic.body,
            rendered: ctx.render({ t: '$body.title', at: '$now', x: '$extra' }, { extra: 1 }),
          })
        : generic;
    });
    const request = validatedRequest({ body: { title: 'hello' } });
    const outcome = act(p, spec, createNote, request);
    expect(outcome).toEqual(
      ok({
        wrapped: { id: 1, title: 'hello', createdAt: '2025-09-09T18:00:01Z' },
        rendered: { t: 'hello', at: '2025-09-09T18:00:01Z', x: 1 },
      }),
    );
    expect(seen?.operation).toBe(createNote);
    expect(seen?.request).toBe(request);
    expect(seen?.resource?.name).toBe('notes');
    expect(seen?.resourceNamed('settings')?.name).toBe('settings');
    expect(seen?.resourceNamed('nope')).toBeUndefined();
    expect(seen?.documented(201)).toEqual({});
    expect(seen?.documented(599)).toBeUndefined();
  });

  it('lets a behaviour move the clock and draw seeded values', () => {
    const draw = (operation: Operation) => {
      const p = parts();
      let values: number[] = [];
      p.behaviours.set(operation, (ctx) => {
        ctx.tick();
        values = [
          ctx.faker('a').number.int(1e9),
          ctx.faker('a').number.int(1e9),
          ctx.faker('b').number.int(1e9),
        ];
        return ok({});
      });
      act(p, spec, operation, validatedRequest());
      return { values, now: p.clock.now() };
    };
    const first = draw(createNote);
    expect(first.now).toBe(CLOCK_START + 1000);
    expect(first.values[0]).toBe(first.values[1]);
    expect(first.values[2]).not.toBe(first.values[0]);
    expect(draw(createNote).values).toEqual(first.values);
  });

  it('answers the documented response for an operation without an action', () => {
    expect(act(parts(), spec, login, validatedRequest())).toMatchObject({
      kind: 'ok',
      status: 200,
      body: { user: 'u' },
    });
  });

  it('a login mints a credential into its answer', () => {
    const p = parts();
    const outcome = act(p, spec, login, validatedRequest());
    const token = outcome.kind === 'ok' ? (outcome.body as Record<string, unknown>).token : undefined;
    expect(typeof token).toBe('string');
    expect(p.credentials.lookup('jwt', token as string)).toBeDefined();
  });
});
