import { behaviourProblems, bindModules } from '../../../src/mock/bind';
import { ok } from '../../../src/mock/outcome';
import type {
  AdminRoute,
  Behaviour,
  ClockListener,
  SeedGenerator,
  VendorModule,
} from '../../../src/mock/plugin';
import type { SeedFile } from '../../../src/mock/seed/seed-file';
import type { SpecModel } from '../../../src/openapi/model';
import { makeOperation, makeSpec } from '../helpers/model';

const jiraAdd: Behaviour = () => ok({ added: true });
const jiraRemove: Behaviour = () => ok({ removed: true });
const alerts: SeedGenerator = () => undefined;
const adminRoute: AdminRoute = () => ({ status: 204, headers: {} });
const onClock: ClockListener = () => undefined;

const withBehaviour = (specId: string, operationId: string, behaviour: string | undefined) =>
  makeOperation({ specId, operationId, path: `/${operationId}`, mock: { behaviour } });

function specWith(id: string, behaviours: Array<string | undefined>): SpecModel {
  return makeSpec({ id, operations: behaviours.map((b, i) => withBehaviour(id, `op${i}`, b)) });
}

const akto: VendorModule = {
  id: 'akto',
  behaviours: { jiraAdd, jiraRemove },
  generators: { alerts },
  adminRoutes: { 'POST akto/sync': adminRoute },
  onClockAdvance: onClock,
};

function seedFile(spec: SpecModel, names: string[]): SeedFile {
  return {
    file: `/nonexistent/seed/${spec.id}.yaml`,
    contentHash: 'none',
    spec,
    collections: {},
    generators: names.map((name) => ({ name, options: {} })),
  };
}

describe('bindModules', () => {
  it('binds each behaviour name to the function of the module whose id is the spec id', () => {
    const spec = specWith('akto', ['jiraAdd', undefined, 'jiraRemove']);
    const { bindings, problems } = bindModules([spec], [akto], []);
    expect(problems).toEqual([]);
    expect(bindings.behaviours.get(spec.operations[0])).toBe(jiraAdd);
    expect(bindings.behaviours.has(spec.operations[1])).toBe(false);
    expect(bindings.behaviours.get(spec.operations[2])).toBe(jiraRemove);
  });

  it('names the file, the JSON pointer and the name of a behaviour that resolves nowhere, with a near miss', () => {
    const spec = specWith('akto', ['jiraAdd', 'jiraAd']);
    const { problems, bindings } = bindModules([spec], [akto], []);
    expect(problems).toEqual([
      {
        file: spec.file,
        pointer: `${spec.operations[1].pointer}/x-secmock/behaviour`,
        line: undefined,
        message:
          "unknown behaviour 'jiraAd': vendor module 'akto' defines no such behaviour (did you mean 'jiraAdd'?)",
        severity: 'error',
      },
    ]);
    expect(bindings.behaviours.has(spec.operations[1])).toBe(false);
  });

  it('lists the known names when nothing is near', () => {
    const { problems } = bindModules([specWith('akto', ['somethingElseEntirely'])], [akto], []);
    expect(problems[0].message).toBe(
      "unknown behaviour 'somethingElseEntirely': vendor module 'akto' defines no such behaviour (known: jiraAdd, jiraRemove)",
    );
  });

  it('gives no hint when the module defines no behaviour', () => {
    const { problems } = bindModules([specWith('bare', ['x'])], [{ id: 'bare' }], []);
    expect(problems[0].message).toBe("unknown behaviour 'x': vendor module 'bare' defines no such behaviour");
  });

  it("never resolves a name in another spec's module", () => {
    const { problems, bindings } = bindModules([specWith('lacework', ['jiraAdd'])], [akto], []);
    expect(bindings.behaviours.size).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(
      "unknown behaviour 'jiraAdd': no vendor module has the id 'lacework' (the spec's id), so no behaviour can be named",
    );
  });

  it('resolves seed generators in the module of the seed file’s spec, and reports the others with a pointer', () => {
    const spec = specWith('akto', []);
    const seed = seedFile(spec, ['alerts', 'alertz', 'users']);
    const { problems, bindings } = bindModules([spec], [akto], [seed]);
    expect(bindings.generatorOf(seed, 'alerts')).toBe(alerts);
    expect(problems.map((p) => [p.file, p.pointer, p.message])).toEqual([
      [
        seed.file,
        '/generators/1/name',
        "unknown generator 'alertz': vendor module 'akto' defines no such generator (did you mean 'alerts'?)",
      ],
      [
        seed.file,
        '/generators/2/name',
        "unknown generator 'users': vendor module 'akto' defines no such generator (known: alerts)",
      ],
    ]);
  });

  it('reports two modules with the same id', () => {
    const { problems } = bindModules([], [akto, { id: 'other' }, { id: 'akto' }], []);
    expect(problems).toEqual([
      {
        file: "vendor module 'akto'",
        pointer: '',
        message: "two vendor modules have the id 'akto'; a spec binds to exactly one",
        severity: 'error',
      },
    ]);
  });

  it('binds the admin routes and clock listeners of served specs only', () => {
    const served = bindModules([specWith('akto', [])], [akto], []).bindings;
    expect(served.adminRoutes.get('POST akto/sync')).toBe(adminRoute);
    expect(served.clockListeners).toEqual([onClock]);
    const unserved = bindModules([specWith('lacework', [])], [akto], []).bindings;
    expect(unserved.adminRoutes.size).toBe(0);
    expect(unserved.clockListeners).toEqual([]);
  });
});

describe('behaviourProblems', () => {
  it('reports the behaviour names of one spec that no module defines', () => {
    expect(behaviourProblems(specWith('akto', ['jiraAdd']), [akto])).toEqual([]);
    expect(
      behaviourProblems(specWith('akto', ['nope', 'jiraAdd', 'nada']), [akto]).map((p) => p.pointer),
    ).toEqual(['/paths/~1op0/get/x-secmock/behaviour', '/paths/~1op2/get/x-secmock/behaviour']);
  });
});
