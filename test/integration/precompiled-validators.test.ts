import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import * as fromSources from '../../src/openapi/annotations';
import { listSpecFiles } from '../../src/openapi';
import { ROOT } from '../helpers/paths';

/**
 * The build compiles the x-secmock validators ahead of time (dist/openapi/annotation-*.generated.js); a start
 * from dist uses them, the sources compile their own. Both must judge every annotation alike.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built module, as a start loads it
const fromBuild = require(join(ROOT, 'dist', 'openapi', 'annotations.js')) as typeof fromSources;

type Document = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };

const documents = listSpecFiles().map((file) => load(readFileSync(file, 'utf8')) as Document);
const broken = [
  { errors: 'no-such-kind', resources: { things: { key: 7 } } },
  { errors: { validation: { status: '400' } }, responses: 'sometimes', extra: true },
  { resources: { things: { collection: 'things', key: 'id', secrets: 'token' } } },
];

describe('the precompiled annotation validators', () => {
  it('judge the root annotations of every spec, and broken ones, as the compiled ones do', () => {
    const roots = [...documents.map((d) => d['x-secmock']), ...broken];
    for (const root of roots)
      expect(fromBuild.checkRootAnnotation(root)).toEqual(fromSources.checkRootAnnotation(root));
    expect(broken.every((root) => fromSources.checkRootAnnotation(root).length > 0)).toBe(true);
  });

  it('judge every operation annotation, and broken ones, as the compiled ones do', () => {
    const operations = documents.flatMap((d) =>
      Object.values(d.paths).flatMap((item) => Object.values(item).map((op) => op['x-secmock'])),
    );
    const annotated = operations.filter((a) => a !== undefined);
    expect(annotated.length).toBeGreaterThan(50);
    for (const annotation of [...annotated, { action: 'explode' }, { action: 'create', resource: 3 }])
      expect(fromBuild.checkOperationAnnotation(annotation)).toEqual(
        fromSources.checkOperationAnnotation(annotation),
      );
    expect(fromSources.checkOperationAnnotation({ action: 'explode' }).length).toBeGreaterThan(0);
  });
});
