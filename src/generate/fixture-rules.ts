import type { Faker } from '@faker-js/faker';

/**
 * The small vocabulary a fixture file uses to shape a field (docs/fixtures.md). Anything not shaped is
 * generated from the resource's schema.
 */
export type FieldRule =
  | { pick: unknown[]; weights?: number[] }
  | { faker: string; args?: unknown[] }
  | { ref: string; field?: string }
  | { refs: string; field?: string; min?: number; max?: number }
  | { int: [number, number] }
  | { const: unknown }
  | { template: string }
  | { daysBack: number };

export interface RuleContext {
  faker: Faker;
  /** The mock clock in ms. */
  now: number;
  /** 1-based position of the entity in its collection. */
  n: number;
  /** Key values (or a named field) of an already generated collection. */
  valuesOf(collection: string, field?: string): unknown[];
  /** The entity generated so far, for templates. */
  entity: Record<string, unknown>;
  formatTime(ms: number): string | number;
}

export function applyRule(rule: FieldRule, ctx: RuleContext): unknown {
  const { faker } = ctx;
  if ('pick' in rule) {
    if (!rule.weights) return faker.helpers.arrayElement(rule.pick);
    return faker.helpers.weightedArrayElement(
      rule.pick.map((value, i) => ({ value, weight: rule.weights?.[i] ?? 1 })),
    );
  }
  if ('faker' in rule) return callFaker(faker, rule.faker, rule.args ?? []);
  if ('ref' in rule) {
    const values = ctx.valuesOf(rule.ref, rule.field);
    return values.length === 0 ? undefined : faker.helpers.arrayElement(values);
  }
  if ('refs' in rule) {
    const values = ctx.valuesOf(rule.refs, rule.field);
    const count = faker.number.int({ min: rule.min ?? 0, max: Math.min(rule.max ?? 3, values.length) });
    return faker.helpers.arrayElements(values, count);
  }
  if ('int' in rule) return faker.number.int({ min: rule.int[0], max: rule.int[1] });
  if ('const' in rule) return structuredClone(rule.const);
  if ('daysBack' in rule)
    return ctx.formatTime(ctx.now - faker.number.int({ min: 0, max: rule.daysBack * 86_400_000 }));
  return rule.template.replace(/\$\{(\w+)\}/g, (_, name: string) =>
    String(name === 'n' ? ctx.n : (ctx.entity[name] ?? '')),
  );
}

/** `internet.ipv4` -> faker.internet.ipv4(...args); an unknown path is a fixture error. */
function callFaker(faker: Faker, path: string, args: unknown[]): unknown {
  const [moduleName, method] = path.split('.');
  const module = (faker as unknown as Record<string, Record<string, unknown>>)[moduleName];
  const fn = module?.[method];
  if (typeof fn !== 'function') throw new Error(`unknown faker method '${path}'`);
  return (fn as (...a: unknown[]) => unknown).apply(module, args);
}
