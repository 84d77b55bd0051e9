import type { Action, Operation } from './model';

/** What a generic action answers when its annotation gives no `response` template. */
export const DEFAULT_RESPONSE_TEMPLATES: Record<Action, unknown> = {
  create: '$entity',
  read: '$entity',
  update: '$entity',
  upsert: '$entity',
  list: '$items',
  delete: {},
  exists: { present: '$exists' },
};

/** The filters a template expression may end with (`$body.severity|display`); render-template.ts applies them. */
export const TEMPLATE_FILTERS = ['display', 'upper', 'lower', 'count'] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

/** Filters a template names that do not exist: a spec mistake lint reports, not a failure at request time. */
export function unknownFilters(template: unknown): string[] {
  if (typeof template === 'string') {
    const named = [...template.matchAll(/\$\{?[A-Za-z_][\w.]*\|(\w+)/g)].map((m) => m[1]);
    return named.filter((name) => !(TEMPLATE_FILTERS as readonly string[]).includes(name));
  }
  if (template === null || typeof template !== 'object') return [];
  return Object.values(template).flatMap(unknownFilters);
}

export function responseTemplate(operation: Operation): unknown {
  const action = operation.mock.action;
  return operation.mock.response ?? (action ? DEFAULT_RESPONSE_TEMPLATES[action] : undefined);
}

/** Where in the answer an expression lands: `{ data: { id: '$entity.id' } }` has `$entity.id` at data/id. */
function locate(
  template: unknown,
  matches: (expression: string) => boolean,
  at: string[] = [],
): string[] | undefined {
  if (typeof template === 'string') return matches(template) ? at : undefined;
  if (template === null || typeof template !== 'object' || Array.isArray(template)) return undefined;
  for (const [key, value] of Object.entries(template)) {
    const found = locate(value, matches, [...at, key]);
    if (found) return found;
  }
  return undefined;
}

/** The path of the resource key in an operation's answer (the verifier reads created ids from here). */
export function keyPointer(operation: Operation, keyField: string): string[] | undefined {
  const template = responseTemplate(operation);
  const direct = locate(template, (e) => e === `$entity.${keyField}` || e === '$id');
  if (direct) return direct;
  const whole = locate(template, (e) => e === '$entity');
  return whole && [...whole, keyField];
}

/** The path of the page of entities in a list operation's answer. */
export function itemsPointer(operation: Operation): string[] | undefined {
  return locate(responseTemplate(operation), (e) => e === '$items');
}

/** The path of the boolean an `exists` operation answers. */
export function existsPointer(operation: Operation): string[] | undefined {
  return locate(responseTemplate(operation), (e) => e === '$exists');
}

/** The path of the whole entity in an operation's answer, when the answer carries it. */
export function entityPointer(operation: Operation): string[] | undefined {
  return locate(responseTemplate(operation), (e) => e === '$entity');
}

/** Where a list's answer states its page's numbers: the total, the page size, the number of pages. */
export interface PagePointers {
  total?: string[];
  limit?: string[];
  pages?: string[];
}

export function pagePointers(operation: Operation): PagePointers {
  const template = responseTemplate(operation);
  const at = (expression: string) => locate(template, (e) => e === expression);
  const pointers: PagePointers = {};
  const total = at('$page.total');
  const limit = at('$page.limit');
  const pages = at('$page.pages');
  if (total) pointers.total = total;
  if (limit) pointers.limit = limit;
  if (pages) pointers.pages = pages;
  return pointers;
}
