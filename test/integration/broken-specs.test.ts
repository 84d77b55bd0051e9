import { join } from 'node:path';
import { formatProblem, inspectSpec, loadSpecs, SpecLoadError } from '../../src/openapi';
import { runLint } from '../../src/commands/lint';
import { BROKEN_SPECS_DIR, TINY_SPEC } from '../helpers/paths';

const broken = (name: string) => join(BROKEN_SPECS_DIR, name);

async function errorsOf(file: string): Promise<string[]> {
  const inspection = await inspectSpec(file);
  return inspection.problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('broken specs give one readable problem each: file, line, JSON pointer, what is wrong', () => {
  it('reports invalid YAML with its line', async () => {
    expect(await errorsOf(broken('bad-yaml.yaml'))).toEqual([
      `${broken('bad-yaml.yaml')}:12 #: invalid YAML/JSON: bad indentation of a mapping entry`,
    ]);
  });

  it('reports a dangling $ref where it is written', async () => {
    expect(await errorsOf(broken('dangling-ref.yaml'))).toEqual([
      `${broken('dangling-ref.yaml')}:12 #/paths/~1things/get/responses/200/content/application~1json/schema/$ref: ` +
        "$ref '#/components/schemas/Thing' points to nothing",
    ]);
  });

  it('reports an example that violates its schema, with the offending path', async () => {
    expect(await errorsOf(broken('bad-example.yaml'))).toEqual([
      `${broken('bad-example.yaml')}:18 #/paths/~1things/get/responses/200/content/application~1json/examples/wrongType/value: ` +
        "example 'wrongType' violates its schema: $.count: must be integer",
    ]);
  });

  it('reports OpenAPI 3.1 schema violations at the deepest location only', async () => {
    const errors = await errorsOf(broken('not-openapi.yaml'));
    expect(errors).toEqual([
      `${broken('not-openapi.yaml')}:9 #/paths/~1things/get/responses/200: missing required property 'description'`,
      `${broken('not-openapi.yaml')}:9 #/paths/~1things/get/responses/200: unknown property 'descripton' (not allowed by OpenAPI 3.1 here)`,
    ]);
  });

  it('reports x-secmock annotations that do not mean anything', async () => {
    const errors = await errorsOf(broken('bad-annotation.yaml'));
    expect(errors).toContain(
      `${broken('bad-annotation.yaml')}:13 #/paths/~1things~1{id}/get/x-secmock/action: x-secmock: must be one of create, read, list, update, delete, upsert, exists`,
    );
    expect(errors).toContain(
      `${broken('bad-annotation.yaml')}:13 #/paths/~1things~1{id}/get/x-secmock/resource: resource 'things' is not declared in x-secmock.resources`,
    );
    expect(errors).toContain(
      `${broken('bad-annotation.yaml')}:13 #/paths/~1things~1{id}/get/x-secmock: template filter '|shout' does not exist (known: display, upper, lower, count)`,
    );
  });

  it('reports an unreadable file without a stack trace', async () => {
    const missing = broken('no-such-file.yaml');
    expect(await errorsOf(missing)).toEqual([`${missing} #: cannot read spec: file not found`]);
  });

  it('loadSpecs throws one SpecLoadError carrying every problem of every file', async () => {
    const files = [broken('bad-yaml.yaml'), broken('dangling-ref.yaml'), TINY_SPEC];
    const failure = await loadSpecs(files).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SpecLoadError);
    expect((failure as SpecLoadError).problems.map((p) => p.file)).toEqual([files[0], files[1]]);
  });
});

describe('secmock lint', () => {
  it('prints a row per spec and exits 2 when any spec is broken', async () => {
    const lines: string[] = [];
    const code = await runLint({ specs: [TINY_SPEC, broken('bad-example.yaml')], out: (l) => lines.push(l) });
    expect(code).toBe(2);
    const tinyRow = lines.find((l) => l.includes('tiny-notes.yaml'));
    expect(tinyRow?.split(/\s+/).slice(1)).toEqual(['5', '4', '1', '0', '0', '0', '0', '0']);
    expect(lines.at(-1)).toBe('\nlint failed');
  });

  it('exits 0 for valid specs', async () => {
    const lines: string[] = [];
    expect(await runLint({ specs: [TINY_SPEC], out: (l) => lines.push(l) })).toBe(0);
    expect(lines.at(-1)).toBe('\n1 spec(s) valid');
  });
});
