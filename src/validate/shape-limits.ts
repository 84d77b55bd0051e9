import type { Violation } from '../schema';

/**
 * Limits on the shape of a JSON body that no schema states but every real server has: a fuzzer's million-
 * item array or ten-thousand-level nesting is refused before any further work is spent on it.
 */
export interface ShapeLimits {
  maxArrayItems: number;
  maxDepth: number;
}

export const DEFAULT_SHAPE_LIMITS: ShapeLimits = { maxArrayItems: 10_000, maxDepth: 64 };

/** Walks the value iteratively (a recursive walk could itself overflow the stack on deep input). */
export function checkShape(value: unknown, limits: ShapeLimits): Violation[] {
  const violations: Violation[] = [];
  const stack: Array<{ node: unknown; path: string; depth: number }> = [
    { node: value, path: 'body', depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: string; depth: number };
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limits.maxDepth) {
      violations.push({
        path,
        message: `is nested deeper than ${limits.maxDepth} levels`,
        keyword: 'maxDepth',
      });
      return violations;
    }
    if (Array.isArray(node)) {
      if (node.length > limits.maxArrayItems) {
        violations.push({
          path,
          message: `has ${node.length} items; at most ${limits.maxArrayItems} are accepted`,
          keyword: 'maxArrayItems',
        });
        continue;
      }
      // Only objects and arrays can break a limit: a leaf is not visited, nor its path spelled out.
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object')
          stack.push({ node: item, path: `${path}[${i}]`, depth: depth + 1 });
      }
    } else {
      const fields = node as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        const item = fields[key];
        if (item !== null && typeof item === 'object')
          stack.push({ node: item, path: `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return violations;
}
