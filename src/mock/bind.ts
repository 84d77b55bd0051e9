import {
  lineOfPointer,
  nearMissHint,
  toPointer,
  type Operation,
  type SpecModel,
  type SpecProblem,
} from '../openapi';
import type { AdminRoute, Behaviour, ClockListener, SeedGenerator, VendorModule } from './plugin';
import type { SeedFile } from './seed/seed-file';

/**
 * Resolves every name a spec and its seed file give (x-secmock.behaviour, seed generators) inside the vendor
 * module whose id is the spec's id, once, at start-up. A name that resolves nowhere is a problem with the
 * file, the JSON pointer and the name: the mock refuses to start rather than silently fall back to the
 * generic action. Modules of specs that are not served stay unbound (their admin routes and clock
 * listeners would act on resources that do not exist).
 */
export interface Bindings {
  behaviours: Map<Operation, Behaviour>;
  generatorOf(seed: SeedFile, name: string): SeedGenerator;
  adminRoutes: Map<string, AdminRoute>;
  clockListeners: ClockListener[];
}

export function bindModules(
  specs: readonly SpecModel[],
  modules: readonly VendorModule[],
  seeds: readonly SeedFile[],
): { bindings: Bindings; problems: SpecProblem[] } {
  const moduleOf = new Map(modules.map((m) => [m.id, m]));
  const behaviours = new Map<Operation, Behaviour>();
  const problems: SpecProblem[] = [
    ...duplicateModules(modules),
    ...specs.flatMap((spec) => bindBehaviours(spec, moduleOf.get(spec.id), behaviours)),
    ...seeds.flatMap((seed) => checkGenerators(seed, moduleOf.get(seed.spec.id))),
  ];
  const served = specs.flatMap((spec) => moduleOf.get(spec.id) ?? []);
  return {
    problems,
    bindings: {
      behaviours,
      generatorOf: (seed, name) => moduleOf.get(seed.spec.id)?.generators?.[name] as SeedGenerator,
      adminRoutes: new Map(served.flatMap((m) => Object.entries(m.adminRoutes ?? {}))),
      clockListeners: served.flatMap((m) => (m.onClockAdvance ? [m.onClockAdvance] : [])),
    },
  };
}

/** Binds each operation's behaviour name into `bound`; the names that resolve nowhere are problems. */
function bindBehaviours(
  spec: SpecModel,
  module: VendorModule | undefined,
  bound: Map<Operation, Behaviour>,
): SpecProblem[] {
  return spec.operations.flatMap((operation) => {
    const name = operation.mock.behaviour;
    if (name === undefined) return [];
    const found = module?.behaviours?.[name];
    if (found) {
      bound.set(operation, found);
      return [];
    }
    const pointer = `${operation.pointer}/x-secmock/behaviour`;
    return [unresolved(spec.file, pointer, 'behaviour', name, spec.id, module)];
  });
}

function checkGenerators(seed: SeedFile, module: VendorModule | undefined): SpecProblem[] {
  return seed.generators.flatMap(({ name }, i) =>
    module?.generators?.[name]
      ? []
      : [
          unresolved(
            seed.file,
            toPointer(['generators', i, 'name']),
            'generator',
            name,
            seed.spec.id,
            module,
          ),
        ],
  );
}

/** Behaviour names a spec gives that the modules do not define (`secmock lint` reports them too). */
export function behaviourProblems(spec: SpecModel, modules: readonly VendorModule[]): SpecProblem[] {
  return bindModules([spec], modules, []).problems;
}

function unresolved(
  file: string,
  pointer: string,
  kind: 'behaviour' | 'generator',
  name: string,
  specId: string,
  module: VendorModule | undefined,
): SpecProblem {
  const known = Object.keys((kind === 'behaviour' ? module?.behaviours : module?.generators) ?? {});
  const message = module
    ? `unknown ${kind} '${name}': vendor module '${specId}' defines no such ${kind}${nearMissHint(name, known)}`
    : `unknown ${kind} '${name}': no vendor module has the id '${specId}' (the spec's id), so no ${kind} can be named`;
  return { file, pointer, line: lineOfPointer(file, pointer), message, severity: 'error' };
}

function duplicateModules(modules: readonly VendorModule[]): SpecProblem[] {
  const seen = new Set<string>();
  return modules.flatMap((module) => {
    if (!seen.has(module.id)) {
      seen.add(module.id);
      return [];
    }
    return [
      {
        file: `vendor module '${module.id}'`,
        pointer: '',
        message: `two vendor modules have the id '${module.id}'; a spec binds to exactly one`,
        severity: 'error' as const,
      },
    ];
  });
}
