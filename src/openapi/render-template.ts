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
    return template.map((item) => renderTemplate(item, scope)).filter((item) => item !== undefined);
  }
  if (template !== null && typeof template === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const rendered = renderTemplate(value, scope);
      if (rendered !== undefined) result[key] = rendered;
    }
    return result;
  }
  return template;
}

function renderString(text: string, scope: TemplateScope): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return applyFilter(lookup(scope, whole[1]), whole[2]);
  if (!text.includes('${')) return text;
  return text.replace(INLINE, (_, expr: string, filter: string | undefined) => {
    const value = applyFilter(lookup(scope, expr), filter);
    return value === undefined || value === null ? '' : String(value);
  });
}

export function lookup(scope: TemplateScope, expression: string): unknown {
  let node: unknown = scope;
  for (const segment of expression.split('.')) {
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
