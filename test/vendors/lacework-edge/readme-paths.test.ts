import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecs, type Operation } from '../../../src/openapi';
import { ROOT, VENDOR_SPECS } from '../../helpers/paths';

/**
 * README.md tells users verifying the real Lacework API where each path of the spec comes from. Its counts
 * and lists are read back here and compared with the spec's own `x-path-source` / `x-path-confidence`, so an
 * edit of the spec that moves a path from one class to another fails until the README says so.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('### Verifying the real Lacework Edge API'));

const classOf = (op: Operation) =>
  [op.notes.pathSource, op.notes.pathConfidence].filter((part) => part !== undefined).join(' / ');
const label = (op: Operation) => `\`${op.method.toUpperCase()} ${op.path}\` (${op.operationId})`;

/** The operations of a bullet such as `- **Confirmed**: `GET /x` (listX), ...`, sorted. */
function bullet(title: string): string[] {
  const start = SECTION.indexOf(`- **${title}**`);
  const end = SECTION.indexOf('\n- ', start + 1);
  const text = SECTION.slice(start, end).replace(/\s+/g, ' ');
  return [...text.matchAll(/`([A-Z]+ [^`]+)` \((\w+)\)/g)]
    .map(([, route, id]) => `\`${route}\` (${id})`)
    .sort();
}

describe('README: the provenance of the Lacework Edge paths', () => {
  let operations: Operation[];
  beforeAll(async () => {
    [{ operations }] = await loadSpecs([VENDOR_SPECS.lacework], { examples: false });
  });

  it('counts each class of path as the spec marks it', () => {
    const table = new Map(
      [...SECTION.matchAll(/^\| [^|]+ \| `([\w-]+)`(?: \/ `(\w+)`)? +\| (\d+) +\|$/gm)].map(
        ([, source, confidence, count]) => [[source, confidence].filter(Boolean).join(' / '), Number(count)],
      ),
    );
    const counted = new Map<string, number>();
    for (const op of operations) counted.set(classOf(op), (counted.get(classOf(op)) ?? 0) + 1);
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(counted));
  });

  it('states how many operations there are and how many have a low or very low path', () => {
    const weak = operations.filter((op) => ['low', 'very_low'].includes(op.notes.pathConfidence ?? ''));
    expect(SECTION).toContain(
      `Of its ${operations.length} operations, ${weak.length} have a path inferred with low or very low confidence`,
    );
  });

  it.each([
    ['Confirmed', 'confirmed'],
    ['Vendor extra', 'vendor-extra'],
    ['Inferred, high confidence', 'inferred / high'],
  ])('lists the %s paths', (title, kind) => {
    expect(bullet(title)).toEqual(
      operations
        .filter((op) => classOf(op) === kind)
        .map(label)
        .sort(),
    );
  });
});
