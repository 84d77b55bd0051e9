/**
 * Renders x-secmock templates: a JSON value in which a string that is exactly `$expr` is replaced by the
 * value, and `${expr}` inside a string is interpolated. Keys whose value is undefined are dropped.
 * See docs/annotations.md.
 */
import type { TemplateFilter } from './templates';

export type TemplateScope = Record<string, unknown>;

const WHOLE = /^\$([A-Za-z_][\w.]*)(?:\|(\w+))?$/;
const INLINE = /\$\{([A-Za-z_][\w.]*)(?:\|(\w+))?\}/g;

export function renderTemplate(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === 'string') return renderString(template, scope);
  if (Array.isArray(template)) {
    const result: unknown[] = [];
    for (const item of template) {
      const rendered = renderTemplate(item, scope);
      if (rendered !== undefined) result.push(rendered);
    }
    return result;
  }
  if (template !== null && typeof template === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(template)) {
      const rendered = renderTemplate((template as Record<string, unknown>)[key], scope);
      if (rendered !== undefined) result[key] = rendered;
    }
    return result;
  }
  return template;
}

function renderString(text: string, scope: TemplateScope): unknown {
  // Only a string starting with `$` can be a whole expression: most template strings are.
  if (text.charCodeAt(0) === DOLLAR) {
    const whole = wholeExpression(text);
    if (whole) return applyFilter(lookupPath(scope, whole.path), whole.filter);
  }
  if (!text.includes('${')) return text;
  return text.replace(INLINE, (_, expr: string, filter: string | undefined) => {
    const value = applyFilter(lookup(scope, expr), filter);
    return value === undefined || value === null ? '' : String(value);
  });
}

const DOLLAR = 0x24;

/** A `$a.b|filter` string taken apart. */
interface WholeExpression {
  path: readonly string[];
  filter: string | undefined;
}

/**
 * Template strings taken apart once, by their text (null: not a whole expression). A request renders the
 * same few dozen strings of its operation's templates; strings are values, so a cache by text cannot go
 * stale. Bounded, in case a caller renders strings of its own making.
 */
const wholeExpressions = new Map<string, WholeExpression | null>();
const MAX_KEPT_EXPRESSIONS = 4096;

function wholeExpression(text: string): WholeExpression | null {
  let parsed = wholeExpressions.get(text);
  if (parsed === undefined) {
    const whole = WHOLE.exec(text);
    parsed = whole ? { path: whole[1].split('.'), filter: whole[2] } : null;
    if (wholeExpressions.size < MAX_KEPT_EXPRESSIONS) wholeExpressions.set(text, parsed);
  }
  return parsed;
}

export function lookup(scope: TemplateScope, expression: string): unknown {
  return lookupPath(scope, expression.split('.'));
}

function lookupPath(scope: TemplateScope, path: readonly string[]): unknown {
  let node: unknown = scope;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const FILTERS: Record<TemplateFilter, (value: unknown) => unknown> = {
  /** `in_progress` -> `In Progress`, `CRITICAL` -> `Critical`. */
  display: (value) =>
    typeof value === 'string'
      ? value
          .toLowerCase()
          .split(/[_\s]+/)
          .filter(Boolean)
          .map((word) => word[0].toUpperCase() + word.slice(1))
          .join(' ')
      : value,
  upper: (value) => (typeof value === 'string' ? value.toUpperCase() : value),
  lower: (value) => (typeof value === 'string' ? value.toLowerCase() : value),
  count: (value) => (Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1),
};

function applyFilter(value: unknown, filter: string | undefined): unknown {
  if (filter === undefined) return value;
  const apply = FILTERS[filter as TemplateFilter];
  if (!apply) throw new Error(`unknown template filter '|${filter}'`);
  return apply(value);
}
