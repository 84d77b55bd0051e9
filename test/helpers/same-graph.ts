/**
 * Where two object graphs first differ, or undefined when they are the same: the same keys in the same
 * order, the same primitive values, arrays against arrays, and the same sharing (an object reached twice in
 * one graph is one object reached twice in the other, cycles included). Unlike jest's deep equality it does
 * not compare the realms objects were made in, so a graph V8 deserialised compares with one jest built.
 */
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const paired = new Map<object, object>();
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object')
      return Object.is(x, y) ? undefined : `${path}: ${String(x)} != ${String(y)}`;
    const known = paired.get(x);
    if (known !== undefined) return known === y ? undefined : `${path}: shared differently`;
    paired.set(x, y);
    if (Array.isArray(x) !== Array.isArray(y)) return `${path}: array against object`;
    const [xs, ys] = [Object.keys(x), Object.keys(y)];
    if (xs.join('\u0000') !== ys.join('\u0000')) return `${path}: keys ${xs.join(',')} != ${ys.join(',')}`;
    for (const key of xs) {
      const found = walk(
        (x as Record<string, unknown>)[key],
        (y as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  };
  return walk(a, b, '$');
}
